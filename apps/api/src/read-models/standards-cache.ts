import type { StandardLookup } from '@app/domain';
import type { FromPosition } from '@app/event-store';
import type { CheckpointSignal, ReadModelQueries } from '@app/read-models';

/**
 * The regional benefit standards as the read models hold them at the projections' checkpoint,
 * read again only when the checkpoint moves. Every `case` and `cases` answer needs them for its
 * monthly amounts, and the read models change only when the checkpoint advances (it is committed
 * with the rows), so between two advances every request would read the same few rows.
 */
export class StandardsCache {
  private cached:
    { at: FromPosition; lookup: Promise<StandardLookup>; value?: StandardLookup } | undefined;

  constructor(
    private readonly queries: ReadModelQueries,
    private readonly signal: CheckpointSignal,
  ) {
    // a move, and also what is not one: another process rebuilt the models behind the checkpoint
    signal.onAdvance(() => (this.cached = undefined));
  }

  lookup(): Promise<StandardLookup> {
    const at = this.signal.position;
    if (this.cached?.at === at) return this.cached.lookup;
    const lookup = this.queries.standardLookup();
    const entry: NonNullable<typeof this.cached> = { at, lookup };
    this.cached = entry;
    lookup.then(
      (value) => {
        entry.value = value;
      },
      // a failed read is not kept: the next request tries again
      () => {
        if (this.cached === entry) this.cached = undefined;
      },
    );
    return lookup;
  }

  /** The standards at the checkpoint when they have been read already, else undefined. */
  current(): StandardLookup | undefined {
    const cached = this.cached;
    return cached?.at === this.signal.position ? cached.value : undefined;
  }
}

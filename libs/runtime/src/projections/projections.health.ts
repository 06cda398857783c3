import { Inject, Injectable } from '@nestjs/common';
import type { Position } from '@app/event-store';
import {
  lowestPosition,
  positionLag,
  PROJECTIONS,
  READ_MODEL_STORE,
  type ReadModelStore,
  type RecordedFailure,
} from '@app/read-models';
import type { HealthContributor } from '../health/health-contributor';
import { Projections } from './projections';

/**
 * Each projection's stored checkpoint and its lag behind the log's head, which process projects
 * (the store's projector lock: `leader`; in the processes that do not project, `heldBy` too, in
 * detail), and why the projections stopped: this process's own projector's failure, or the one
 * the leader recorded in the store, so every api can say it.
 */
@Injectable()
export class ProjectionsHealth implements HealthContributor {
  readonly name = 'projections';

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly projections: Projections,
  ) {}

  async health(head: Position | null | undefined) {
    const [stored, holder, recorded] = await Promise.all([
      this.store.checkpoints(),
      this.projections.leader(),
      this.store.recordedFailure(),
    ]);
    const failure = this.failure(recorded);
    const byName = new Map(stored.map((c) => [c.projection, c.position] as const));
    const checkpoints = PROJECTIONS.map((p) => byName.get(p) ?? null);
    const checkpoint = lowestPosition(checkpoints);
    // head undefined: the event store could not say (its own part of /health says why)
    const lag = (at: Position | null) => (head === undefined ? null : positionLag(head, at));
    const projections = Object.fromEntries(
      PROJECTIONS.map((projection, i) => [
        projection,
        {
          status:
            failure === null ? 'ok' : failure.projection === projection ? 'failing' : 'halted',
          checkpoint: checkpoints[i],
          lag: lag(checkpoints[i]),
        },
      ]),
    );
    const runner = this.projections.mode;
    return {
      status: failure === null ? ('ok' as const) : ('failing' as const),
      runner,
      // who projects, as it named itself
      leader: holder && { name: holder.name, since: holder.since },
      // another process projects: which one in detail (its pid, host and program)
      ...(holder && runner !== 'in-process' && { heldBy: holder }),
      checkpoint,
      lag: lag(checkpoint),
      projections,
      ...(failure && { failure }),
    };
  }

  /** This process's own failure first; else what the leader recorded (no event data in either). */
  private failure(recorded: RecordedFailure | null): Omit<RecordedFailure, 'at'> | null {
    const own = this.projections.failure();
    if (own) {
      const { projection, position, type, error } = own;
      return { projection, position, type, error, by: 'this process' };
    }
    return recorded;
  }
}

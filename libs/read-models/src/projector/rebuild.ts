import type { CasePolicy } from '@app/domain';
import type { EventStore, Position } from '@app/event-store';
import type { CaseSnapshot, ReadModelStore } from '../read-model-store.port';
import { QuickFold, type BatchResult, type ProjectionFailure } from '../projections/project-batch';
import { projectedOf, type ProjectedEvent } from '../projections/streams';
import { applyBatch, fence, writeBatch } from './apply-batch';

export type RebuildResult = {
  /** events replayed (covered by the new checkpoint) */
  events: number;
  checkpoint: Position | null;
  failure: ProjectionFailure | null;
};

/**
 * Events per rebuild transaction. A case touched again within a batch is written once, so bigger
 * batches write less (the Zibo preset: 5,000 writes each case about five times, 20,000 about
 * once). The events are not held: a batch costs only the rows it writes.
 */
export const REBUILD_BATCH_SIZE = 20_000;

export interface RebuildOptions {
  /** the configured policy (the same the write side decides with) */
  policy: CasePolicy;
  batchSize?: number;
  onProgress?: (replayed: number, position: Position) => void;
}

/**
 * Every read model again from position 0: empties the store, then replays the log up to its head
 * at the start, in batches (each one transaction with its checkpoint, so an interrupted rebuild
 * resumes where it stopped). Run it holding the store's projector lock; every batch is fenced
 * (`fence`), so a projector writing beside it stops the rebuild rather than mix with it.
 *
 * Events are folded as they are read: what a rebuild holds is the state of every case it has
 * folded (the store was emptied, so no state comes from anywhere else; about 2 KiB a case), never
 * a batch of events, which outlived the young generation and cost a fifth of a rebuild in garbage
 * collection. The log is read without metadata (`readAllWithoutMetadata`): projections never look
 * at it, and parsing it was a fifth of a rebuild. When a batch's rows cannot all be derived, its
 * events are read again from the log and applied one by one (`applyBatch`), which stops at the
 * event that made it so. It all runs in the store's bulk-write settings (`bulkWrites`).
 */
export function rebuildReadModels(
  events: EventStore,
  store: ReadModelStore,
  options: RebuildOptions,
): Promise<RebuildResult> {
  return store.bulkWrites(() => replay(events, store, options));
}

async function replay(
  events: EventStore,
  store: ReadModelStore,
  { policy, batchSize = REBUILD_BATCH_SIZE, onProgress }: RebuildOptions,
): Promise<RebuildResult> {
  await store.reset();
  const states = new Map<string, CaseSnapshot>();
  let replayed = 0;
  let checkpoint: Position | null = null;
  let fold = new QuickFold(states);
  const written = new Set<string>();
  const unwritten = (result: BatchResult): string[] => {
    const ids = result.changes.cases.map((c) => c.summary.caseId).filter((id) => !written.has(id));
    for (const id of ids) written.add(id);
    return ids;
  };
  const flush = async (): Promise<ProjectionFailure | null> => {
    const quick = fold.result(policy);
    const result = quick ?? (await applyCarefully(events, store, checkpoint, fold.covered, policy));
    if (quick)
      await store.transaction(async (tx) => {
        await fence(tx, checkpoint);
        // asking for the snapshots of cases this rebuild has not written yet tells the store
        // they have no rows, so it inserts them without deleting first
        await tx.caseSnapshots(unwritten(quick));
        await writeBatch(tx, quick);
      });
    // the careful pass covers the events the quick one folded, so it cannot know of the event
    // that stopped the quick one: that failure stands unless an earlier one was found
    const failure = result.failure ?? fold.failure;
    fold = new QuickFold(states);
    replayed += result.covered;
    if (result.checkpoint !== null) {
      checkpoint = result.checkpoint;
      onProgress?.(replayed, checkpoint);
    }
    return failure;
  };
  for await (const event of events.readAllWithoutMetadata({ fromPosition: 'start' })) {
    const folded = fold.add(event);
    if (!folded || fold.covered >= batchSize) {
      const failure = await flush();
      if (failure) return { events: replayed, checkpoint, failure };
    }
  }
  const failure = fold.covered > 0 ? await flush() : null;
  return { events: replayed, checkpoint, failure };
}

/** The `count` events after `after` read again and applied one by one, rows and checkpoint written. */
async function applyCarefully(
  events: EventStore,
  store: ReadModelStore,
  after: Position | null,
  count: number,
  policy: CasePolicy,
): Promise<BatchResult> {
  const batch: ProjectedEvent[] = [];
  for await (const event of events.readAllWithoutMetadata({
    fromPosition: after ?? 'start',
    maxCount: count,
  }))
    batch.push(projectedOf(event));
  return applyBatch(store, batch, policy, after);
}

import { DEFAULT_POLICY, type CasePolicy } from '@app/domain';
import type { EventStore, Position } from '@app/event-store';
import type { ReadModelStore } from '../read-model-store.port';
import type { ProjectionFailure } from '../projections/project-batch';
import { projectedOf, type ProjectedEvent } from '../projections/streams';
import { applyBatch } from './apply-batch';

export type RebuildResult = {
  /** events replayed (covered by the new checkpoint) */
  events: number;
  checkpoint: Position | null;
  failure: ProjectionFailure | null;
};

/**
 * Events per rebuild transaction. A case touched again within a batch is written once, so bigger
 * batches write less (the Zibo preset: 5,000 writes each case about five times, 20,000 about
 * once); the batch is held in memory, about 2 KiB an event.
 */
export const REBUILD_BATCH_SIZE = 20_000;

export interface RebuildOptions {
  policy?: CasePolicy;
  batchSize?: number;
  onProgress?: (replayed: number, position: Position) => void;
}

/**
 * Every read model again from position 0: empties the store, then replays the log up to its head
 * at the start, in batches (each one transaction with its checkpoint, so an interrupted rebuild
 * resumes where it stopped). Run it with the projector stopped.
 */
export async function rebuildReadModels(
  events: EventStore,
  store: ReadModelStore,
  { policy = DEFAULT_POLICY, batchSize = REBUILD_BATCH_SIZE, onProgress }: RebuildOptions = {},
): Promise<RebuildResult> {
  await store.reset();
  let replayed = 0;
  let checkpoint: Position | null = null;
  // what the projections read of each event: its metadata (most of the rest) dies young, where
  // 20,000 whole events outlived the young generation (a fifth of a rebuild's time went on that)
  let batch: ProjectedEvent[] = [];
  const flush = async (): Promise<ProjectionFailure | null> => {
    const result = await applyBatch(store, batch, policy);
    batch = [];
    replayed += result.covered;
    if (result.checkpoint !== null) {
      checkpoint = result.checkpoint;
      onProgress?.(replayed, checkpoint);
    }
    return result.failure;
  };
  for await (const event of events.readAll({ fromPosition: 'start' })) {
    batch.push(projectedOf(event));
    if (batch.length >= batchSize) {
      const failure = await flush();
      if (failure) return { events: replayed, checkpoint, failure };
    }
  }
  const failure = batch.length > 0 ? await flush() : null;
  return { events: replayed, checkpoint, failure };
}

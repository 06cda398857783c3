import type { CasePolicy } from '@app/domain';
import type { Position } from '@app/event-store';
import type { ReadModelStore, ReadModelTransaction } from '../read-model-store.port';
import {
  caseIdsOf,
  projectBatch,
  PROJECTIONS,
  type BatchResult,
} from '../projections/project-batch';
import type { ProjectedEvent } from '../projections/streams';

/**
 * The stored checkpoint is not the one the writer started from: another process wrote the read
 * models meanwhile (a projector that took over, a rebuild). Nothing of the batch was written.
 */
export class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';
  constructor(
    readonly expected: Position | null,
    readonly found: Position | null,
  ) {
    super(
      `the read models' checkpoint is ${found ?? 'empty'}, not ${expected ?? 'empty'}: ` +
        'another process is writing them',
    );
  }
}

/**
 * Takes the store's write lock and checks that the stored checkpoint is still `expected` (what
 * this writer wrote last, or read when it started): the first thing every write of the projector
 * and of a rebuild does, so two writers can never both apply a batch.
 */
export async function fence(tx: ReadModelTransaction, expected: Position | null): Promise<void> {
  const found = await tx.lockedCheckpoint();
  if (found !== expected) throw new CheckpointMoved(expected, found);
}

/**
 * Applies a batch in one transaction: the rows of every event it could handle and the checkpoint
 * of the last of them commit together, so a crash never leaves rows without their checkpoint.
 * With `from` (the checkpoint the writer believes is stored) it is fenced first (see `fence`).
 */
export async function applyBatch(
  store: ReadModelStore,
  events: readonly ProjectedEvent[],
  policy: CasePolicy,
  from?: Position | null,
): Promise<BatchResult> {
  return store.transaction(async (tx) => {
    if (from !== undefined) await fence(tx, from);
    const snapshots = await tx.caseSnapshots(caseIdsOf(events));
    const result = projectBatch(events, snapshots, policy);
    await writeBatch(tx, result);
    return result;
  });
}

/** The rows of a batch and, with them, the checkpoint of the last event they cover. */
export async function writeBatch(tx: ReadModelTransaction, result: BatchResult): Promise<void> {
  if (result.checkpoint === null) return;
  await tx.putCases(result.changes.cases);
  await tx.putStandards(result.changes.standards);
  await tx.putRolls(result.changes.rolls);
  await tx.putIdKeys(result.changes.idKeys);
  await tx.setCheckpoints(PROJECTIONS, result.checkpoint, result.covered);
}

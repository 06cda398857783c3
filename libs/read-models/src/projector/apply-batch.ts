import { DEFAULT_POLICY, type CasePolicy } from '@app/domain';
import type { ReadModelStore, ReadModelTransaction } from '../read-model-store.port';
import {
  caseIdsOf,
  projectBatch,
  PROJECTIONS,
  type BatchResult,
} from '../projections/project-batch';
import type { ProjectedEvent } from '../projections/streams';

/**
 * Applies a batch in one transaction: the rows of every event it could handle and the checkpoint
 * of the last of them commit together, so a crash never leaves rows without their checkpoint.
 */
export async function applyBatch(
  store: ReadModelStore,
  events: readonly ProjectedEvent[],
  policy: CasePolicy = DEFAULT_POLICY,
): Promise<BatchResult> {
  return store.transaction(async (tx) => {
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
  await tx.setCheckpoints(PROJECTIONS, result.checkpoint, result.covered);
}

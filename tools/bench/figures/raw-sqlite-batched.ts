import { join } from 'node:path';
import { perSecond, runSynchronously } from '../support/concurrent';
import type { Durations, Measured } from './measured';
import { openDurable, rawEventInserter } from './raw-sqlite-fsync';

/**
 * rawSqliteBatchedPerSec: the same INSERTs as rawSqliteFsyncPerSec on the same durable settings,
 * `batch` of them per transaction (one fsync per batch): the appends' batch size, so the ceiling
 * group commit can reach on this disk, whatever its flush latency.
 */
export function measureRawSqliteBatched(
  dir: string,
  batch: number,
  { measureMs, warmupMs }: Durations,
): Measured {
  const db = openDurable(join(dir, 'raw-batched.sqlite'));
  try {
    const insertOne = rawEventInserter(db);
    const insertBatch = db.transaction(() => {
      for (let i = 0; i < batch; i++) insertOne();
    });
    runSynchronously(Math.min(warmupMs, 500), () => insertBatch.immediate());
    const result = runSynchronously(measureMs, () => insertBatch.immediate());
    return {
      figures: { rawSqliteBatchedPerSec: perSecond({ ...result, ops: result.ops * batch }) },
      notes: { rawSqliteBatchSize: batch },
    };
  } finally {
    db.close();
  }
}

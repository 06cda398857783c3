import { join } from 'node:path';
import { SQLITE_MIGRATIONS } from '@app/event-store';
import { perSecond, runSynchronously } from '../support/concurrent';
import { sampleEvent, sampleStreams, STREAM_COUNT } from '../support/sample-events';
import type { Durations, Measured } from './measured';
import { openDurable } from './raw-sqlite-fsync';

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
    for (const migration of SQLITE_MIGRATIONS) db.exec(migration.up);
    const insert = db.prepare(
      `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const streams = sampleStreams();
    const revisions = new Array<number>(STREAM_COUNT).fill(0);
    let n = 0;
    const insertBatch = db.transaction(() => {
      for (let i = 0; i < batch; i++) {
        const stream = n++ % STREAM_COUNT;
        const event = sampleEvent();
        insert.run(
          event.id,
          streams[stream],
          revisions[stream]++,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          new Date().toISOString(),
        );
      }
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

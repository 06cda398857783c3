import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Measured } from './measured';

/**
 * rawReadEventsPerSec: every row of the log in position order with better-sqlite3, data and
 * metadata through JSON.parse; passes repeat until `minMs` has passed (at least one).
 */
export function measureRawRead(dataDir: string, minMs: number): Measured {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const all = db.prepare(
      'SELECT position, id, stream_id, revision, type, data, metadata, recorded_at FROM events ORDER BY position',
    );
    let events = 0;
    let passes = 0;
    let checksum = 0;
    const started = performance.now();
    do {
      for (const row of all.iterate() as Iterable<{ data: string; metadata: string }>) {
        const data = JSON.parse(row.data) as object;
        const metadata = JSON.parse(row.metadata) as object;
        if (data && metadata) checksum++;
        events++;
      }
      passes++;
    } while (performance.now() - started < minMs);
    const ms = performance.now() - started;
    if (checksum !== events) throw new Error('an event without data or metadata');
    return {
      figures: { rawReadEventsPerSec: (events * 1000) / ms },
      notes: { rawReadPasses: passes, rawReadEvents: events / passes },
    };
  } finally {
    db.close();
  }
}

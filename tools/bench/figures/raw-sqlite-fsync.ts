import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS, WAL_AUTOCHECKPOINT_PAGES } from '@app/event-store';
import { perSecond, runSynchronously } from '../support/concurrent';
import { sampleEvent, sampleStreams, STREAM_COUNT } from '../support/sample-events';
import type { Durations, Measured } from './measured';

/** The durability and checkpoint settings of the event store (sqlite-connection.ts), on a bare connection. */
export function openDurable(filename: string): Database.Database {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('fullfsync = ON');
  db.pragma('checkpoint_fullfsync = ON');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  return db;
}

/**
 * The event store's schema on a bare connection, and a function that INSERTs one more sample
 * event the way the store would (the next revision of one of 1,000 streams in turn).
 */
export function rawEventInserter(db: Database.Database): () => void {
  for (const migration of SQLITE_MIGRATIONS) db.exec(migration.up);
  const insert = db.prepare(
    `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const streams = sampleStreams();
  const revisions = new Array<number>(STREAM_COUNT).fill(0);
  let n = 0;
  return () => {
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
  };
}

/** rawSqliteFsyncPerSec: one INSERT per transaction (autocommit) into the event store's own schema. */
export function measureRawSqliteFsync(dir: string, { measureMs, warmupMs }: Durations): Measured {
  const db = openDurable(join(dir, 'raw.sqlite'));
  try {
    const insertOne = rawEventInserter(db);
    runSynchronously(Math.min(warmupMs, 500), insertOne);
    const result = runSynchronously(measureMs, insertOne);
    return {
      figures: { rawSqliteFsyncPerSec: perSecond(result) },
      notes: {
        rawSqliteSettings: `journal_mode=${String(db.pragma('journal_mode', { simple: true }))}, synchronous=${String(db.pragma('synchronous', { simple: true }))} (2 = FULL)`,
        rawSqliteEvents: result.ops,
      },
    };
  } finally {
    db.close();
  }
}

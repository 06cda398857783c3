import Database from 'better-sqlite3';
import { migrate } from './sqlite-migrations';
import { preparePrivateSqliteFile } from './private-files';

/**
 * WAL pages after which a commit also checkpoints (copies them into the database file and fsyncs
 * it). SQLite's default of 1,000 pages (4 MiB) checkpointed every ~26 batches of appends, each
 * time rewriting the same hot pages of the (stream, revision) index: appends measured 16-20
 * thousand events/s. At 10,000 pages (a WAL of up to ~40 MiB) those pages are copied once per
 * checkpoint for ten times as many batches: 23-30 thousand (BENCHMARKS.md). Durability is the
 * same: every commit still fsyncs the WAL.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** Opens the file with the durability settings the store promises, and brings the schema up to date. */
export function openSqliteConnection(filename: string, busyTimeoutMs: number): Database.Database {
  preparePrivateSqliteFile(filename);
  const db = new Database(filename);
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && mode !== 'memory') {
      throw new Error(`SQLite refused WAL mode for ${filename} (got ${String(mode)})`);
    }
    // An append is acknowledged once COMMIT returns. In WAL mode synchronous=FULL fsyncs the WAL
    // on every commit, so an acknowledged append survives a power cut; NORMAL syncs only at
    // checkpoints and can lose the last acknowledged appends (it only survives a process crash).
    // Group commit pays that one fsync per batch of appends, not per event.
    db.pragma('synchronous = FULL');
    // macOS: plain fsync leaves data in the drive's cache; F_FULLFSYNC flushes it. No-op elsewhere.
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

import Database from 'better-sqlite3';
import { migrate } from './sqlite-migrations';

/** Opens the file with the durability settings the store promises, and brings the schema up to date. */
export function openSqliteConnection(filename: string, busyTimeoutMs: number): Database.Database {
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
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

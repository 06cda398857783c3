import Database from 'better-sqlite3';
import { CANDIDATE_SCHEMA, type SqlRunner } from './sql-candidate-store';

/**
 * The embedded candidate store: its own file in DATA_DIR, with secure_delete on, so an erased
 * candidate's name and ID number are overwritten in the file, not left in free pages.
 */
export function sqliteCandidateRunner(filename: string): SqlRunner {
  const db = new Database(filename);
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const statement of CANDIDATE_SCHEMA) db.exec(statement);
  let depth = 0;
  return {
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      db.prepare(sql).all(...params) as T[],
    // the work runs its statements synchronously between awaits of settled promises: nothing
    // else of this process reaches the connection while BEGIN IMMEDIATE holds it
    transaction: async (work) => {
      if (depth > 0) return work();
      db.exec('BEGIN IMMEDIATE');
      depth += 1;
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        depth -= 1;
      }
    },
    scrub: async () => {
      if (depth === 0) db.pragma('wal_checkpoint(TRUNCATE)');
    },
    shutdown: async () => {
      // the WAL holds erased rows' pages until checkpointed into the (securely deleted) file
      if (db.open) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}

import Database from 'better-sqlite3';
import { preparePrivateSqliteFile } from '@app/event-store/sqlite/private-files';
import { CANDIDATE_ADDED_COLUMNS, CANDIDATE_SCHEMA, type SqlRunner } from '../sql-candidate-store';

/**
 * The embedded candidate store: its own file in DATA_DIR, with secure_delete on, so an erased
 * candidate's name and ID number are overwritten in the file, not left in free pages.
 */
export function sqliteCandidateRunner(filename: string): SqlRunner {
  // it holds names and ID numbers: 0600, like every file of personal information
  preparePrivateSqliteFile(filename);
  const db = new Database(filename);
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // a roster's merge touches random places of the hash index: keep it cached
  db.pragma('cache_size = -65536');
  for (const statement of CANDIDATE_SCHEMA) db.exec(statement);
  for (const { table, column, type } of CANDIDATE_ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column))
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  let depth = 0;
  return {
    run: async (sql, params = []) => prepared(sql).run(...params).changes,
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      prepared(sql).all(...params) as T[],
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
    // best effort: a checkpoint that cannot run now (a reader holds the log) runs with a later one
    scrub: async () => {
      if (depth > 0) return;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // the next scrub or SQLite's own checkpoint copies the pages
      }
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

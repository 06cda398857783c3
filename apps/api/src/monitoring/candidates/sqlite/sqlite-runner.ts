import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { preparePrivateSqliteFile } from '@app/event-store/sqlite/private-files';
import {
  CANDIDATE_ADDED_COLUMNS,
  CANDIDATE_SCHEMA,
  type SqlRunner,
  type SqlStatements,
} from '../sql-candidate-store';

/** The pragmas of every connection to the candidate file. */
const PRAGMAS = [
  'busy_timeout = 5000',
  'secure_delete = ON',
  'journal_mode = WAL',
  'synchronous = FULL',
  // a roster's merge touches random places of the hash index: keep it cached
  'cache_size = -65536',
];

/**
 * The writer of `runMany`: a thread with its own connection to the file, so that a roster's
 * merges (most of an import's writing) run beside the thread that parses and matches the next
 * rows. Plain JavaScript, evaluated as is (no build step, the same under the tests).
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
for (const pragma of workerData.pragmas) db.pragma(pragma);
const statements = new Map();
const prepared = (sql) => {
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
};
const runAll = db.transaction((work) => {
  let changed = 0;
  for (const { sql, params } of work) {
    const statement = prepared(sql);
    for (const values of params) changed += statement.run(...values).changes;
  }
  return changed;
});
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    return parentPort.close();
  }
  try {
    parentPort.postMessage({ id: message.id, changed: runAll.immediate(message.work) });
  } catch (error) {
    // SQLite's message names tables and columns, never the values bound
    parentPort.postMessage({ id: message.id, error: String(error && error.message) });
  }
});
`;

type Pending = { resolve: (changed: number) => void; reject: (error: Error) => void };

/** Starts the writer thread on first use; its answers come back in the order asked. */
function writerThread(filename: string) {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const thread = new Worker(WRITER, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), filename, pragmas: PRAGMAS },
    });
    thread.on('message', (answer: { id: number; changed?: number; error?: string }) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0) thread.unref();
      if (answer.error !== undefined) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer.changed ?? 0);
    });
    thread.on('error', fail);
    thread.on('exit', () => fail(new Error('the candidate writer stopped')));
    return thread;
  };
  return {
    run(work: readonly SqlStatements[]): Promise<number> {
      worker ??= start();
      const thread = worker;
      const id = next++;
      // held while it has work, so that the process waits for its answers
      thread.ref();
      return new Promise<number>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, work });
      });
    },
    async close(): Promise<void> {
      const thread = worker;
      if (!thread) return;
      worker = null;
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage('close');
      await exited;
    },
  };
}

/**
 * The embedded candidate store: its own file in DATA_DIR, with secure_delete on, so an erased
 * candidate's name and ID number are overwritten in the file, not left in free pages.
 */
export function sqliteCandidateRunner(filename: string): SqlRunner {
  // it holds names and ID numbers: 0600, like every file of personal information
  preparePrivateSqliteFile(filename);
  const db = new Database(filename);
  for (const pragma of PRAGMAS) db.pragma(pragma);
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
  const writer = writerThread(filename);
  return {
    runMany: (statements) => writer.run(statements),
    rowsPerInsert: 1,
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
      await writer.close();
      // the WAL holds erased rows' pages until checkpointed into the (securely deleted) file
      if (db.open) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, type PoolClient } from 'pg';
import { CANDIDATE_ADDED_COLUMNS, CANDIDATE_SCHEMA, type SqlRunner } from '../sql-candidate-store';

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the SQL has no `?` inside literals). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The candidate store in the PostgreSQL of the read models (every api instance sees one). */
export function postgresCandidateRunner(connectionString: string): SqlRunner {
  const pool = new Pool({ connectionString, max: 4 });
  pool.on('error', () => undefined);
  const inTx = new AsyncLocalStorage<PoolClient>();
  const ready = (async () => {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7310425)');
      for (const statement of CANDIDATE_SCHEMA) await client.query(statement);
      for (const { table, column, type } of CANDIDATE_ADDED_COLUMNS)
        await client.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(7310425)').catch(() => undefined);
      client.release();
    }
  })();
  ready.catch(() => undefined);
  const query = async (sql: string, params: readonly unknown[] = []) => {
    await ready;
    const client = inTx.getStore();
    return client
      ? client.query(numbered(sql), params as unknown[])
      : pool.query(numbered(sql), params as unknown[]);
  };
  const transaction = async <T>(work: () => Promise<T>): Promise<T> => {
    if (inTx.getStore()) return work();
    await ready;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await inTx.run(client, work);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  // runMany: one after the other, in the order asked (a pool would run them side by side)
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    all: async <T>(sql: string, params?: readonly unknown[]) =>
      (await query(sql, params)).rows as T[],
    transaction,
    rowsPerInsert: 100,
    runMany: (statements) => {
      const done = queue.then(() =>
        transaction(async () => {
          let changed = 0;
          for (const { sql, params } of statements)
            for (const values of params) changed += (await query(sql, values)).rowCount ?? 0;
          return changed;
        }),
      );
      queue = done.catch(() => undefined);
      return done;
    },
    // deleted rows are vacuumed by PostgreSQL; what its WAL holds is the operator's to retain
    scrub: async () => undefined,
    shutdown: () => pool.end(),
  };
}

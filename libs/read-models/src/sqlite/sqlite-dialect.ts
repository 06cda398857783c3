import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import type { ReadModelDialect } from '../sql/read-model-dialect';

/** SQLite: flags are INTEGER 0/1, JSON is TEXT, a deferred transaction on the WAL reader is a snapshot. */
export const sqliteDialect: ReadModelDialect = {
  flag: (value) => (value ? 1 : 0),
  flagLiteral: (value) => sql.lit(value ? 1 : 0),
  json: <T>(value: unknown) => JSON.parse(value as string) as T,
  jsonArrayFrom: (subquery) => jsonArrayFrom(subquery),
  snapshot: (db, work) => db.transaction().execute(work),
  empty: async (tx, tables) => {
    for (const table of tables) await tx.deleteFrom(table).execute();
  },
  // the store's writes run in IMMEDIATE transactions on one connection: one writer already
  writeLock: async () => undefined,
  checkpointMoved: async () => undefined,
};

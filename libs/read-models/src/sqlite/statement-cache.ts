import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const MAX_STATEMENTS = 256;

/**
 * The reader connection as Kysely sees it, with its prepared statements kept (Kysely prepares
 * every query anew, which costs more than running these small reads). Least recently used
 * statements are dropped first: queries with IN lists of another length are other statements.
 */
export function withStatementCache(db: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = db.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      return statement;
    },
  } as SqliteDatabase;
}

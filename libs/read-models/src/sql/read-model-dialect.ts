import type { Kysely, RawBuilder, SelectQueryBuilder, Transaction } from 'kysely';
import type { Position } from '@app/event-store';
import type { Flag, ReadModelTable, ReadModelTables } from './read-model-tables';

export type ReadModelDb = Kysely<ReadModelTables>;

/**
 * What differs between the engines, kept small: how flags and JSON are stored, how a group of
 * reads gets one snapshot, how tables are emptied, and what else a checkpoint write does.
 * Everything else (the queries, the upserts) is the same SQL, built once with Kysely.
 */
export interface ReadModelDialect {
  /** a flag as a bound value (better-sqlite3 binds no booleans) */
  flag(value: boolean): Flag;
  /** a flag as an inline literal, so `is_open = 1` / `is_open = true` can use an index */
  flagLiteral(value: boolean): RawBuilder<Flag>;
  /** a JSON column's value as read back */
  json<T>(value: unknown): T;
  /** a subquery's rows as one JSON array value (read it back with `json`); rows in no set order */
  jsonArrayFrom<DB, TB extends keyof DB, O>(
    subquery: SelectQueryBuilder<DB, TB, O>,
  ): RawBuilder<unknown>;
  /** runs the reads in one consistent snapshot */
  snapshot<T>(db: ReadModelDb, work: (db: ReadModelDb) => Promise<T>): Promise<T>;
  /** deletes every row of the tables */
  empty(tx: Transaction<ReadModelTables>, tables: readonly ReadModelTable[]): Promise<void>;
  /** makes the transaction the only one writing the read models until it ends */
  writeLock(tx: Transaction<ReadModelTables>): Promise<void>;
  /** runs in the transaction that moved the checkpoints, after it did */
  checkpointMoved(tx: Transaction<ReadModelTables>, position: Position): Promise<void>;
}

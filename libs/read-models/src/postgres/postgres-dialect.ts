import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ReadModelDialect } from '../sql/read-model-dialect';

/**
 * Advisory lock keys of the read-model store (bigint keys; the event store's and the migration
 * lock are others). Never change one: processes of two versions must agree.
 */
/** Held per transaction by whatever writes the read models (a projector's batch, a rebuild's). */
export const PROJECTION_WRITE_LOCK = 7_310_420;
/** Held per session by the one process that projects (ProjectorLock). */
export const PROJECTOR_LOCK = 7_310_421;

/** The channel the projector NOTIFYs on when its checkpoint moves; the payload is the position. */
export const CHECKPOINT_CHANNEL = 'read_model_checkpoint';

/**
 * PostgreSQL: flags are BOOLEAN, JSON is JSONB (the driver parses it), a group of reads runs in
 * one REPEATABLE READ snapshot, tables are emptied with TRUNCATE, and a checkpoint write NOTIFYs
 * in its own transaction, so listeners hear of it exactly when its rows are visible.
 */
export const postgresDialect: ReadModelDialect = {
  flag: (value) => value,
  flagLiteral: (value) => sql.lit(value),
  json: <T>(value: unknown) => value as T,
  jsonArrayFrom: (subquery) => jsonArrayFrom(subquery),
  snapshot: (db, work) =>
    db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work),
  empty: async (tx, tables) => {
    await sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(tx);
  },
  writeLock: async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${PROJECTION_WRITE_LOCK})`.execute(tx);
  },
  checkpointMoved: async (tx, position) => {
    await sql`SELECT pg_notify(${CHECKPOINT_CHANNEL}, ${position})`.execute(tx);
  },
};

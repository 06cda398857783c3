import { Pool } from 'pg';
import { inTransaction, migratePostgres, type PostgresSchema } from '@app/event-store/postgres';
import type { DataKeyRow, PersonalDataKeyStore } from '../personal-data-keys.port';

// Append-only, like the event store's: never edit a released version, add the next one.
const SCHEMA: PostgresSchema = {
  what: 'Personal data keys',
  versionTable: 'personal_data.schema_version',
  lock: 7_310_431, // an advisory lock key of its own
  migrations: [
    {
      version: 1,
      description: 'personal_data.data_keys: per-case data keys, wrapped under the master key',
      up: `
        CREATE TABLE personal_data.data_keys (
          stream_id    TEXT COLLATE "C" NOT NULL,
          generation   INTEGER NOT NULL,
          wrapped      BYTEA,
          created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
          destroyed_at TIMESTAMPTZ,
          PRIMARY KEY (stream_id, generation)
        );
      `,
    },
  ],
};

type Row = { stream_id: string; generation: number; wrapped: Buffer | null };
const toRow = (r: Row): DataKeyRow => ({
  streamId: r.stream_id,
  generation: r.generation,
  wrapped: r.wrapped,
});

/**
 * The data keys in a schema of their own (`personal_data`) of a PostgreSQL database: the event
 * store's when the events are in PostgreSQL, else the read models' (EventStoreDB keeps no keys).
 * A destroyed key is set NULL; `purge` VACUUMs the table so the dead row versions are gone too.
 */
export class PostgresPersonalDataKeys implements PersonalDataKeyStore {
  private readonly pool: Pool;
  private migrated: Promise<unknown> | undefined;

  constructor(connectionString: string) {
    this.pool = new Pool({
      connectionString,
      max: 4,
      application_name: 'cases-personal-data-keys',
      keepAlive: true,
      options: '-c synchronous_commit=on',
    });
    this.pool.on('error', () => undefined); // a dropped idle connection is replaced on checkout
  }

  async current(streamId: string): Promise<DataKeyRow | null> {
    await this.ready();
    const { rows } = await this.pool.query<Row>(
      `SELECT stream_id, generation, wrapped FROM personal_data.data_keys WHERE stream_id = $1
       ORDER BY generation DESC LIMIT 1`,
      [streamId],
    );
    return rows[0]?.wrapped ? toRow(rows[0]) : null;
  }

  async get(streamId: string, generation: number): Promise<Buffer | null> {
    await this.ready();
    const { rows } = await this.pool.query<Row>(
      `SELECT wrapped FROM personal_data.data_keys WHERE stream_id = $1 AND generation = $2`,
      [streamId, generation],
    );
    return rows[0]?.wrapped ?? null;
  }

  async create(streamId: string, wrap: (generation: number) => Buffer) {
    await this.ready();
    return inTransaction(this.pool, async (client) => {
      // one creator per stream at a time, across processes
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SCHEMA.lock, streamId]);
      const { rows } = await client.query<Row>(
        `SELECT stream_id, generation, wrapped FROM personal_data.data_keys WHERE stream_id = $1
         ORDER BY generation DESC LIMIT 1`,
        [streamId],
      );
      const newest = rows[0];
      if (newest?.wrapped) return { ...toRow(newest), wrapped: newest.wrapped };
      const generation = (newest?.generation ?? 0) + 1;
      const wrapped = wrap(generation);
      await client.query(
        `INSERT INTO personal_data.data_keys (stream_id, generation, wrapped) VALUES ($1, $2, $3)`,
        [streamId, generation, wrapped],
      );
      return { streamId, generation, wrapped };
    });
  }

  async destroy(streamId: string): Promise<number> {
    await this.ready();
    const { rowCount } = await this.pool.query(
      `UPDATE personal_data.data_keys SET wrapped = NULL, destroyed_at = now()
       WHERE stream_id = $1 AND wrapped IS NOT NULL`,
      [streamId],
    );
    return rowCount ?? 0;
  }

  async purge(): Promise<void> {
    await this.ready();
    await this.pool.query('VACUUM personal_data.data_keys');
  }

  async all(): Promise<DataKeyRow[]> {
    await this.ready();
    const { rows } = await this.pool.query<Row>(
      `SELECT stream_id, generation, wrapped FROM personal_data.data_keys
       ORDER BY stream_id, generation`,
    );
    return rows.map(toRow);
  }

  async importRows(rows: readonly DataKeyRow[]): Promise<void> {
    await this.ready();
    await inTransaction(this.pool, async (client) => {
      for (const r of rows)
        await client.query(
          `INSERT INTO personal_data.data_keys (stream_id, generation, wrapped, destroyed_at)
           VALUES ($1, $2, $3, CASE WHEN $3::bytea IS NULL THEN now() END)
           ON CONFLICT DO NOTHING`,
          [r.streamId, r.generation, r.wrapped],
        );
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The schema, migrated once; tried again on the next use when it failed. */
  private ready(): Promise<unknown> {
    this.migrated ??= this.migrate().catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  private async migrate(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA.lock]);
      await client.query('CREATE SCHEMA IF NOT EXISTS personal_data');
    });
    await migratePostgres(this.pool, SCHEMA);
  }
}

import { Pool, type PoolClient } from 'pg';
import { GroupCommitQueue } from '@app/event-store/common/group-commit-queue';
import { inTransaction, migratePostgres, type PostgresSchema } from '@app/event-store/postgres';
import type { AccessLogStore, AccessRecord } from './access-log.port';
import { ACCESS_COLUMNS, fromRow, toRow, type AccessRow } from './access-log-rows';
import {
  ACCESS_CHAIN_GENESIS,
  ACCESS_LINK_SQL,
  accessLink,
  type ChainedAccessLog,
  type ChainedAccessRow,
} from '../access-chain';

/** Held while appending: one writer at a time, so each row links to the one before it. */
const APPEND_LOCK = 7_310_431;

// Append-only, like the event store's: never edit a released version, add the next one.
const SCHEMA: PostgresSchema = {
  what: 'Access log',
  versionTable: 'audit_schema_version',
  lock: 7_310_430, // an advisory lock key of its own (the event store's and read models' differ)
  migrations: [
    {
      version: 1,
      description: 'audit_access_reads: who read which personal information of which case, when',
      up: `
        CREATE TABLE audit_access_reads (
          seq            BIGSERIAL PRIMARY KEY,
          at             TEXT NOT NULL,
          actor_id       TEXT NOT NULL,
          actor_role     TEXT NOT NULL,
          actor_agency   TEXT,
          correlation_id TEXT NOT NULL,
          case_id        TEXT COLLATE "C" NOT NULL,
          fields         TEXT NOT NULL
        );
        CREATE INDEX audit_access_reads_case ON audit_access_reads (case_id, seq);
      `,
    },
    {
      version: 2,
      description:
        'audit_access_reads.log_hash: the hash chain (access-chain.ts), older rows filled',
      up: `
        ALTER TABLE audit_access_reads ADD COLUMN log_hash TEXT;
        CREATE FUNCTION audit_field(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT octet_length(t)::text || ':' || t $$;
        DO $fill$
        DECLARE
          r record;
          previous text := '${ACCESS_CHAIN_GENESIS}';
        BEGIN
          FOR r IN SELECT * FROM audit_access_reads ORDER BY seq LOOP
            previous := ${ACCESS_LINK_SQL('previous')};
            UPDATE audit_access_reads SET log_hash = previous WHERE seq = r.seq;
          END LOOP;
        END
        $fill$;
      `,
    },
  ],
};

/**
 * The access log in PostgreSQL, shared by every api instance (the database of the events when
 * they are in PostgreSQL, else the read models'). Appends queued together are one INSERT: one
 * transaction, committed with synchronous_commit on, so an acknowledged read survives a crash.
 */
export class PostgresAccessLogStore implements AccessLogStore, ChainedAccessLog {
  private readonly pool: Pool;
  private readonly queue: GroupCommitQueue<readonly AccessRecord[], undefined>;
  private migrated: Promise<unknown> | undefined;
  private closing: Promise<void> | undefined;

  constructor(connectionString: string) {
    this.pool = new Pool({
      connectionString,
      max: 4,
      application_name: 'cases-access-log',
      keepAlive: true,
      options: '-c synchronous_commit=on',
    });
    this.pool.on('error', () => undefined); // a dropped idle connection is replaced on checkout
    this.queue = new GroupCommitQueue(async (batch) => {
      await this.insert(batch.flat());
      return batch.map(() => ({ ok: true as const, value: undefined }));
    });
  }

  async append(records: readonly AccessRecord[]): Promise<void> {
    if (this.closing) throw new Error('access log closed');
    if (records.length > 0) await this.queue.enqueue(records);
  }

  async forCase(caseId: string): Promise<AccessRecord[]> {
    await this.ready();
    const { rows } = await this.pool.query<AccessRow>(
      `SELECT ${ACCESS_COLUMNS.join(', ')} FROM audit_access_reads WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    return rows.map(fromRow);
  }

  async count(): Promise<number> {
    await this.ready();
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM audit_access_reads',
    );
    return Number(rows[0].n);
  }

  /** Records of another store (events:copy), in their order, all in one transaction. */
  async importRecords(records: readonly AccessRecord[]): Promise<void> {
    await this.ready();
    await inTransaction(this.pool, async (client) => {
      for (let i = 0; i < records.length; i += 1000)
        await insertChained(client, records.slice(i, i + 1000));
    });
  }

  async chainedRows(afterSeq: string, limit: number): Promise<ChainedAccessRow[]> {
    await this.ready();
    // seq is selected as it is (pg hands a BIGINT out as a decimal string): an alias of a cast
    // (`seq::text AS seq`) would be what ORDER BY sorts, as text, putting 10 before 9
    const { rows } = await this.pool.query<ChainedAccessRow>(
      `SELECT seq, ${ACCESS_COLUMNS.join(', ')}, log_hash FROM audit_access_reads
       WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows;
  }

  close(): Promise<void> {
    this.closing ??= this.queue.drain().then(() => this.pool.end());
    return this.closing;
  }

  /** The schema, migrated once; tried again on the next use when it failed. */
  private ready(): Promise<unknown> {
    this.migrated ??= migratePostgres(this.pool, SCHEMA).catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  private async insert(records: readonly AccessRecord[]): Promise<void> {
    await this.ready();
    await inTransaction(this.pool, (client) => insertChained(client, records));
  }
}

/**
 * One multi-row INSERT of the records, in their order, under the append lock: each row gets the
 * next seq and its link, from the tip read under the lock.
 */
async function insertChained(client: PoolClient, records: readonly AccessRecord[]): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
  // the numeric tip: see chainedRows on why seq is not selected as `seq::text AS seq`
  const { rows: tip } = await client.query<{ seq: string; log_hash: string | null }>(
    'SELECT seq, log_hash FROM audit_access_reads ORDER BY seq DESC LIMIT 1',
  );
  let seq = BigInt(tip[0]?.seq ?? 0);
  let hash = tip[0]?.log_hash ?? ACCESS_CHAIN_GENESIS;
  const columns = ['seq', ...ACCESS_COLUMNS, 'log_hash'];
  const values = records.flatMap((r) => {
    const row = toRow(r);
    seq += 1n;
    hash = accessLink(hash, seq, row);
    return [String(seq), ...ACCESS_COLUMNS.map((column) => row[column]), hash];
  });
  const placeholders = records.map(
    (_, i) => `(${columns.map((__, c) => `$${i * columns.length + c + 1}`).join(', ')})`,
  );
  await client.query(
    `INSERT INTO audit_access_reads (${columns.join(', ')}) VALUES ${placeholders.join(', ')}`,
    values,
  );
}

import { Pool } from 'pg';
import { GroupCommitQueue } from '@app/event-store/common/group-commit-queue';
import { inTransaction, migratePostgres, type PostgresSchema } from '@app/event-store/postgres';
import type { AccessLogStore, AccessRecord } from './access-log.port';
import { ACCESS_COLUMNS, fromRow, toRow, type AccessRow } from './access-log-rows';

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
  ],
};

/**
 * The access log in PostgreSQL, shared by every api instance (the database of the events when
 * they are in PostgreSQL, else the read models'). Appends queued together are one INSERT: one
 * transaction, committed with synchronous_commit on, so an acknowledged read survives a crash.
 */
export class PostgresAccessLogStore implements AccessLogStore {
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
        await client.query(...insertOf(records.slice(i, i + 1000)));
    });
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
    await this.pool.query(...insertOf(records));
  }
}

/** One multi-row INSERT of the records, in their order. */
function insertOf(records: readonly AccessRecord[]): [string, unknown[]] {
  const width = ACCESS_COLUMNS.length;
  const values = records.flatMap((r) => {
    const row = toRow(r);
    return ACCESS_COLUMNS.map((column) => row[column]);
  });
  const rows = records.map(
    (_, i) => `(${ACCESS_COLUMNS.map((__, c) => `$${i * width + c + 1}`).join(', ')})`,
  );
  const columns = ACCESS_COLUMNS.join(', ');
  return [`INSERT INTO audit_access_reads (${columns}) VALUES ${rows.join(', ')}`, values];
}

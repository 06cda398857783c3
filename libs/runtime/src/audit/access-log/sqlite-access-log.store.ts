import Database from 'better-sqlite3';
import { preparePrivateSqliteFile } from '@app/event-store/sqlite/private-files';
import { GroupCommitQueue } from '@app/event-store/common/group-commit-queue';
import type { AccessLogStore, AccessRecord } from './access-log.port';
import { fromRow, toRow, type AccessRow as Row } from './access-log-rows';
import {
  ACCESS_CHAIN_GENESIS,
  accessLink,
  type ChainedAccessLog,
  type ChainedAccessRow,
} from '../access-chain';

// Append-only, like the event store's: never edit a released version, add the next one.
const MIGRATIONS = [
  `CREATE TABLE access_reads (
     seq            INTEGER PRIMARY KEY,
     at             TEXT NOT NULL,
     actor_id       TEXT NOT NULL,
     actor_role     TEXT NOT NULL,
     actor_agency   TEXT,
     correlation_id TEXT NOT NULL,
     case_id        TEXT NOT NULL,
     fields         TEXT NOT NULL
   );
   CREATE INDEX access_reads_case ON access_reads (case_id, seq);`,
  // the hash chain (access-chain.ts), filled for older rows by `fillChain`
  `ALTER TABLE access_reads ADD COLUMN log_hash TEXT;`,
];

const CHAIN_VERSION = 2;

/**
 * The access log in its own SQLite file (WAL, synchronous=FULL: an acknowledged append survives a
 * power cut). Appends queued in the same turn of the event loop share one transaction and one
 * fsync, as the event store's do.
 */
export class SqliteAccessLogStore implements AccessLogStore, ChainedAccessLog {
  private readonly db: Database.Database;
  private readonly queue: GroupCommitQueue<readonly AccessRecord[], undefined>;
  private readonly insert: Database.Statement;
  private readonly byCase: Database.Statement;
  private closing: Promise<void> | undefined;
  private counts = { commits: 0, appends: 0 };

  constructor(filename: string) {
    preparePrivateSqliteFile(filename);
    this.db = new Database(filename);
    try {
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('fullfsync = ON');
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.insert = this.db.prepare(
      `INSERT INTO access_reads (seq, at, actor_id, actor_role, actor_agency, correlation_id, case_id, fields, log_hash)
       VALUES (@seq, @at, @actor_id, @actor_role, @actor_agency, @correlation_id, @case_id, @fields, @log_hash)`,
    );
    const tip = this.db.prepare('SELECT seq, log_hash FROM access_reads ORDER BY seq DESC LIMIT 1');
    this.byCase = this.db.prepare(
      `SELECT at, actor_id, actor_role, actor_agency, correlation_id, case_id, fields
       FROM access_reads WHERE case_id = ? ORDER BY seq`,
    );
    // the tip is read under the write lock: another process may share the file
    const commit = this.db.transaction((batch: readonly (readonly AccessRecord[])[]) => {
      const last = tip.get() as { seq: number; log_hash: string | null } | undefined;
      let seq = last?.seq ?? 0;
      let hash = last?.log_hash ?? ACCESS_CHAIN_GENESIS;
      for (const records of batch)
        for (const record of records) {
          const row = toRow(record);
          seq += 1;
          hash = accessLink(hash, seq, row);
          this.insert.run({ ...row, seq, log_hash: hash });
        }
    });
    this.queue = new GroupCommitQueue((batch) => {
      commit.immediate(batch);
      this.counts.commits += 1;
      this.counts.appends += batch.length;
      return batch.map(() => ({ ok: true as const, value: undefined }));
    });
  }

  /** Transactions committed and the appends they carried, since open. */
  get stats(): { commits: number; appends: number } {
    return { ...this.counts };
  }

  async append(records: readonly AccessRecord[]): Promise<void> {
    if (this.closing) throw new Error('access log closed');
    if (records.length > 0) await this.queue.enqueue(records);
  }

  async forCase(caseId: string): Promise<AccessRecord[]> {
    return (this.byCase.all(caseId) as Row[]).map(fromRow);
  }

  /** Every record, oldest first (events:copy moves them into PostgreSQL). */
  all(): AccessRecord[] {
    const rows = this.db
      .prepare(
        `SELECT at, actor_id, actor_role, actor_agency, correlation_id, case_id, fields
         FROM access_reads ORDER BY seq`,
      )
      .all() as Row[];
    return rows.map(fromRow);
  }

  async chainedRows(afterSeq: string, limit: number): Promise<ChainedAccessRow[]> {
    const rows = this.db
      .prepare(
        `SELECT seq, at, actor_id, actor_role, actor_agency, correlation_id, case_id, fields, log_hash
         FROM access_reads WHERE seq > ? ORDER BY seq LIMIT ?`,
      )
      .all(Number(afterSeq), limit) as (Row & { seq: number; log_hash: string | null })[];
    return rows.map((row) => ({ ...row, seq: String(row.seq) }));
  }

  close(): Promise<void> {
    this.closing ??= this.queue.drain().then(() => void this.db.close());
    return this.closing;
  }

  private migrate(): void {
    this.db
      .transaction(() => {
        const current = this.db.pragma('user_version', { simple: true }) as number;
        if (current > MIGRATIONS.length)
          throw new Error(`access log schema version ${current} is newer than this code knows`);
        MIGRATIONS.slice(current).forEach((sql, i) => {
          this.db.exec(sql);
          if (current + i + 1 === CHAIN_VERSION) this.fillChain();
          this.db.pragma(`user_version = ${current + i + 1}`);
        });
      })
      .immediate();
  }

  /** Links the rows written before the chain existed (at migration only, never again). */
  private fillChain(): void {
    const rows = this.db.prepare('SELECT * FROM access_reads ORDER BY seq').all() as (Row & {
      seq: number;
    })[];
    const update = this.db.prepare('UPDATE access_reads SET log_hash = ? WHERE seq = ?');
    let hash = ACCESS_CHAIN_GENESIS;
    for (const row of rows) {
      hash = accessLink(hash, row.seq, row);
      update.run(hash, row.seq);
    }
  }
}

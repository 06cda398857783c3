import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { GroupCommitQueue, type Outcome } from '@app/event-store/common/group-commit-queue';
import type { DataKeyRow, PersonalDataKeyStore } from '../personal-data-keys.port';

// Append-only, like the event store's: never edit a released version, add the next one.
const MIGRATIONS = [
  `CREATE TABLE data_keys (
     stream_id    TEXT NOT NULL,
     generation   INTEGER NOT NULL,
     wrapped      BLOB,
     created_at   TEXT NOT NULL,
     destroyed_at TEXT,
     PRIMARY KEY (stream_id, generation)
   ) WITHOUT ROWID;`,
];

type Row = { stream_id: string; generation: number; wrapped: Buffer | null };
type Creation = { streamId: string; wrap: (generation: number) => Buffer };
type Created = DataKeyRow & { wrapped: Buffer };

const toRow = (r: Row): DataKeyRow => ({
  streamId: r.stream_id,
  generation: r.generation,
  wrapped: r.wrapped,
});

/**
 * The data keys in their own SQLite file (DATA_DIR/keys.sqlite, mode 0600), apart from the events.
 * secure_delete overwrites what a deletion frees, so a destroyed key leaves no bytes in the file;
 * `purge` then checkpoints the WAL and truncates it, where the old pages would otherwise linger.
 * New keys asked for in the same turn of the event loop share one transaction and one fsync (32
 * identifications at once cost one commit here, as they do in the event store).
 */
export class SqlitePersonalDataKeys implements PersonalDataKeyStore {
  private readonly db: Database.Database;
  private readonly statements: Record<
    'current' | 'get' | 'insert' | 'destroy' | 'all',
    Database.Statement
  >;
  private readonly creations: GroupCommitQueue<Creation, Created>;

  constructor(filename: string) {
    if (filename !== ':memory:') {
      closeSync(openSync(filename, 'a', 0o600));
      chmodSync(filename, 0o600);
    }
    this.db = new Database(filename);
    try {
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('secure_delete = ON');
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = {
      current: this.db.prepare(
        `SELECT stream_id, generation, wrapped FROM data_keys WHERE stream_id = ?
         ORDER BY generation DESC LIMIT 1`,
      ),
      get: this.db.prepare(`SELECT wrapped FROM data_keys WHERE stream_id = ? AND generation = ?`),
      insert: this.db.prepare(
        `INSERT OR IGNORE INTO data_keys (stream_id, generation, wrapped, created_at)
         VALUES (?, ?, ?, ?)`,
      ),
      destroy: this.db.prepare(
        `UPDATE data_keys SET wrapped = NULL, destroyed_at = ?
         WHERE stream_id = ? AND wrapped IS NOT NULL`,
      ),
      all: this.db.prepare(
        `SELECT stream_id, generation, wrapped FROM data_keys ORDER BY stream_id, generation`,
      ),
    };
    const createAll = this.db.transaction((batch: readonly Creation[]) =>
      batch.map((c): Outcome<Created> => ({ ok: true, value: this.createOne(c) })),
    );
    this.creations = new GroupCommitQueue((batch) => createAll.immediate(batch));
  }

  async current(streamId: string): Promise<DataKeyRow | null> {
    const row = this.statements.current.get(streamId) as Row | undefined;
    return row && row.wrapped !== null ? toRow(row) : null;
  }

  async get(streamId: string, generation: number): Promise<Buffer | null> {
    const row = this.statements.get.get(streamId, generation) as Pick<Row, 'wrapped'> | undefined;
    return row?.wrapped ?? null;
  }

  create(streamId: string, wrap: (generation: number) => Buffer): Promise<Created> {
    return this.creations.enqueue({ streamId, wrap });
  }

  /** Inside the batch's transaction: a stream asked for twice gets the key made the first time. */
  private createOne({ streamId, wrap }: Creation): Created {
    const newest = this.statements.current.get(streamId) as Row | undefined;
    if (newest?.wrapped) return { ...toRow(newest), wrapped: newest.wrapped };
    const generation = (newest?.generation ?? 0) + 1;
    const wrapped = wrap(generation);
    this.statements.insert.run(streamId, generation, wrapped, new Date().toISOString());
    return { streamId, generation, wrapped };
  }

  async destroy(streamId: string): Promise<number> {
    return this.statements.destroy.run(new Date().toISOString(), streamId).changes;
  }

  async purge(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async all(): Promise<DataKeyRow[]> {
    return (this.statements.all.all() as Row[]).map(toRow);
  }

  async importRows(rows: readonly DataKeyRow[]): Promise<void> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const r of rows) this.statements.insert.run(r.streamId, r.generation, r.wrapped, now);
    })();
  }

  async close(): Promise<void> {
    await this.creations.drain();
    if (this.db.open) this.db.close();
  }

  private migrate(): void {
    this.db
      .transaction(() => {
        const current = this.db.pragma('user_version', { simple: true }) as number;
        if (current > MIGRATIONS.length)
          throw new Error(`key store schema version ${current} is newer than this code knows`);
        MIGRATIONS.slice(current).forEach((sql, i) => {
          this.db.exec(sql);
          this.db.pragma(`user_version = ${current + i + 1}`);
        });
      })
      .immediate();
  }
}

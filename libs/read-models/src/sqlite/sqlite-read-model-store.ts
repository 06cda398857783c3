import Database from 'better-sqlite3';
import { preparePrivateSqliteFile } from '@app/event-store/sqlite/private-files';
import { Kysely, SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache';
import type { Position } from '@app/event-store';
import type {
  CaseRecord,
  CaseSnapshot,
  Checkpoint,
  CheckpointWatch,
  CheckpointWatchOptions,
  ProjectorLock,
  RecordedFailure,
  ReadModelTransaction,
} from '../read-model-store.port';
import { projectionsCheckpoint } from '../projector/checkpoints';
import { ReadModelReader } from '../sql/read-model-reader';
import {
  CASE_TABLES,
  chunks,
  READ_MODEL_TABLES,
  type CaseTable,
  type ReadModelTables,
} from '../sql/read-model-tables';
import { fromCaseRow, fromSignalRow, periodRows, rollRows } from '../sql/rows';
import { SqlReadModelStore } from '../sql/sql-read-model-store';
import { sqliteDialect } from './sqlite-dialect';
import { SqliteProjectorLock } from './sqlite-projector-lock';
import { watchSqliteCheckpoints } from './sqlite-checkpoint-watch';
import { migrateReadModels } from './sqlite-read-model-migrations';

export interface SqliteReadModelStoreOptions {
  /** e.g. DATA_DIR/read-models.sqlite; created with its schema when missing */
  filename: string;
  busyTimeoutMs?: number;
  /** how often `watchCheckpoints` looks for another process's commits; default 25 ms */
  watchIntervalMs?: number;
}

/**
 * A rebuild's settings (`bulkWrites`). A province rebuild (a million events, 51 batches) spent 9 of
 * its 22 s in commits: each one copied the WAL back into the database (SQLite checkpoints at 1,000
 * pages), and the tables had outgrown the page cache (better-sqlite3's 16 MiB). With a 256 MiB
 * cache and a checkpoint every 100,000 pages (a WAL of up to ~400 MiB), then one at the end:
 * 45k -> 62-67k events/s.
 */
const BULK_CACHE_KIB = 256 * 1024;
const BULK_CHECKPOINT_PAGES = 100_000;

function open(filename: string, busyTimeoutMs: number): Database.Database {
  preparePrivateSqliteFile(filename);
  const db = new Database(filename);
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  // read models can always be rebuilt from the log: no fsync per commit
  db.pragma('synchronous = NORMAL');
  // they hold personal information: what an update or delete frees is overwritten (erasure)
  db.pragma('secure_delete = ON');
  return db;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const CASE_COLUMNS = [
  'case_id',
  'region_code',
  'risk_level',
  'caseworker_id',
  'birth_date',
  'eighteenth_birthday',
  'next_visit_due',
  'identified_at',
  'categories',
  'child_name',
  'id_number',
  'guardian_kind',
  'guardian_name',
  'guardian_relation',
  'revision',
  'position',
] as const satisfies readonly (keyof CaseTable)[];
const INSERT_CASE =
  `INSERT INTO rm_case (${CASE_COLUMNS.join(', ')})` +
  ` VALUES (${CASE_COLUMNS.map((c) => `@${c}`).join(', ')})`;

/**
 * The embedded read-model store: one SQLite file in WAL mode. Queries read on their own connection
 * through the query layer PostgreSQL shares, so they only ever see committed batches. The projector
 * writes on another connection with cached prepared statements: better-sqlite3 is synchronous, and
 * the shared Kysely writer (which compiles and prepares every statement) measured about 20% slower
 * on a rebuild and 45% slower on the projector's small live batches.
 */
export class SqliteReadModelStore extends SqlReadModelStore {
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly kysely: Kysely<ReadModelTables>;
  protected readonly reads: ReadModelReader;
  private readonly statements = new Map<string, Database.Statement>();
  /** cases this transaction looked up and found no rows of: nothing of theirs to delete */
  private readonly absent = new Set<string>();

  constructor(private readonly options: SqliteReadModelStoreOptions) {
    super();
    const busy = options.busyTimeoutMs ?? 5000;
    this.writer = open(options.filename, busy);
    try {
      migrateReadModels(this.writer);
      this.reader = this.inMemory ? this.writer : open(options.filename, busy);
    } catch (error) {
      this.writer.close();
      throw error;
    }
    this.kysely = new Kysely<ReadModelTables>({
      dialect: new SqliteDialect({ database: withStatementCache(this.reader) }),
    });
    this.reads = new ReadModelReader(this.kysely, sqliteDialect);
  }

  private get inMemory(): boolean {
    return this.options.filename === ':memory:';
  }

  transaction<T>(work: (tx: ReadModelTransaction) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.writer.exec('BEGIN IMMEDIATE');
      this.absent.clear();
      try {
        const result = await work(this.tx);
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      } finally {
        this.absent.clear();
      }
    });
  }

  async bulkWrites<T>(work: () => Promise<T>): Promise<T> {
    const setting = (name: string) => this.writer.pragma(name, { simple: true }) as number;
    const cache = setting('cache_size');
    const checkpointPages = setting('wal_autocheckpoint');
    this.writer.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
    this.writer.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
    try {
      return await work();
    } finally {
      if (this.writer.open) {
        this.writer.pragma(`wal_autocheckpoint = ${checkpointPages}`);
        this.writer.pragma(`cache_size = ${cache}`);
        // copies what it can without waiting for readers; the next commits' checkpoints do the rest
        this.writer.pragma('wal_checkpoint(PASSIVE)');
      }
    }
  }

  async reset(): Promise<void> {
    await this.transaction(async () => {
      for (const { table } of READ_MODEL_TABLES) this.writer.exec(`DELETE FROM ${table}`);
    });
  }

  /** The WAL copied back and truncated, once no reader holds an older snapshot (a few tries). */
  async purgeDeleted(): Promise<void> {
    if (this.inMemory) return;
    await this.exclusive(async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const [result] = this.writer.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (result.busy === 0) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
      throw new Error('read models: the WAL could not be truncated (readers stayed busy)');
    });
  }

  watchCheckpoints(
    onAdvance: (position: Position) => void,
    options: CheckpointWatchOptions = {},
  ): CheckpointWatch {
    if (this.inMemory) {
      // nobody else can write to a private in-memory database: the stored checkpoint is all
      void this.checkpoints().then((stored) => {
        const position = projectionsCheckpoint(stored);
        if (position !== null) onAdvance(position);
      }, options.onError);
      return { stop: async () => undefined };
    }
    const watch = watchSqliteCheckpoints(
      this.options.filename,
      this.options.watchIntervalMs ?? 25,
      onAdvance,
      options,
    );
    return this.tracked(watch);
  }

  projectorLock(name: string): ProjectorLock {
    if (!this.inMemory) return this.kept(new SqliteProjectorLock(this.options.filename, name));
    // a private in-memory database: nobody else can project into it
    const free: ProjectorLock = {
      tryAcquire: async () => ({
        lost: new Promise(() => undefined),
        release: async () => undefined,
      }),
      holder: async () => null,
      close: async () => undefined,
    };
    return free;
  }

  async recordFailure(failure: RecordedFailure | null): Promise<void> {
    await this.transaction(async () => {
      this.stmt('DELETE FROM rm_projector_failure').run();
      if (failure)
        this.stmt('INSERT INTO rm_projector_failure (id, failure) VALUES (1, ?)').run(
          JSON.stringify(failure),
        );
    });
  }

  async close(): Promise<void> {
    await this.stopUsers();
    await this.kysely.destroy(); // closes the reader
    if (this.writer.open) this.writer.close();
  }

  /** One at a time; an in-memory database has a single connection, so its reads queue too. */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    return this.oneAtATime(run);
  }

  protected read<T>(run: () => Promise<T>): Promise<T> {
    return this.inMemory ? this.exclusive(run) : run();
  }

  private readonly tx: ReadModelTransaction = {
    // BEGIN IMMEDIATE took the write lock
    lockedCheckpoint: async () =>
      projectionsCheckpoint(
        this.stmt('SELECT projection, position, events FROM rm_checkpoint').all() as Checkpoint[],
      ),
    caseSnapshots: async (caseIds) => {
      const found = new Map<string, CaseSnapshot>();
      for (const ids of chunks(caseIds)) {
        const rows = this.stmt(
          `SELECT case_id, state, revision, position FROM rm_case_state` +
            ` WHERE case_id IN (${placeholders(ids.length)})`,
        ).all(...ids) as { case_id: string; state: string; revision: number; position: Position }[];
        for (const id of ids) this.absent.add(id);
        for (const r of rows) {
          this.absent.delete(r.case_id);
          found.set(r.case_id, {
            state: JSON.parse(r.state) as CaseSnapshot['state'],
            revision: r.revision,
            position: r.position,
          });
        }
      }
      return found;
    },
    putCases: async (records) => {
      for (const record of records) this.putCase(record);
    },
    putStandards: async (rows) => {
      const insert = this.stmt(
        'INSERT INTO rm_standard (stream_id, revision, region_code, category, monthly_amount_fen,' +
          ' effective_from) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const s of rows)
        insert.run(
          s.streamId,
          s.revision,
          s.regionCode,
          s.category,
          s.monthlyAmountFen,
          s.effectiveFrom,
        );
    },
    putRolls: async (records) => {
      const roll = this.stmt(
        'INSERT INTO rm_roll (month, region_code, issued_at, total_fen, line_count)' +
          ' VALUES (@month, @region_code, @issued_at, @total_fen, @line_count)',
      );
      const line = this.stmt(
        'INSERT INTO rm_roll_line (month, roll_region_code, seq, case_id, region_code, programme,' +
          ' reason, for_month, amount_fen, issued_at) VALUES (@month, @roll_region_code, @seq,' +
          ' @case_id, @region_code, @programme, @reason, @for_month, @amount_fen, @issued_at)',
      );
      for (const record of records) {
        const rows = rollRows(record);
        roll.run(rows.roll);
        for (const l of rows.lines) line.run(l);
      }
    },
    putIdKeys: async (changes) => {
      const hold = this.stmt(
        'INSERT INTO rm_id_key (id_hash, case_id) VALUES (?, ?)' +
          ' ON CONFLICT (id_hash) DO UPDATE SET case_id = excluded.case_id',
      );
      const free = this.stmt('DELETE FROM rm_id_key WHERE id_hash = ? AND case_id = ?');
      for (const c of changes) (c.held ? hold : free).run(c.idHash, c.caseId);
    },
    setCheckpoints: async (projections, position, events) => {
      const upsert = this.stmt(
        'INSERT INTO rm_checkpoint (projection, position, events) VALUES (?, ?, ?)' +
          ' ON CONFLICT (projection) DO UPDATE SET position = excluded.position,' +
          ' events = rm_checkpoint.events + excluded.events',
      );
      for (const projection of projections) upsert.run(projection, position, events);
    },
  };

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.writer.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private putCase(record: CaseRecord): void {
    const { snapshot, summary } = record;
    const id = summary.caseId;
    // a case's rows are written together: none stored with its state means none at all
    if (!this.absent.delete(id))
      for (const table of CASE_TABLES) this.stmt(`DELETE FROM ${table} WHERE case_id = ?`).run(id);
    this.stmt(
      'INSERT INTO rm_case_state (case_id, state, revision, position) VALUES (?, ?, ?, ?)',
    ).run(id, JSON.stringify(snapshot.state), snapshot.revision, snapshot.position);
    this.stmt(INSERT_CASE).run(fromCaseRow(summary));
    const { statuses, categories, regions } = periodRows(record, sqliteDialect);
    const status = this.stmt(
      'INSERT INTO rm_case_status (case_id, seq, from_date, to_date, status, is_open)' +
        ' VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const p of statuses)
      status.run(p.case_id, p.seq, p.from_date, p.to_date, p.status, p.is_open);
    const category = this.stmt(
      'INSERT INTO rm_case_category (case_id, seq, category, from_date, to_date, region_code)' +
        ' VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const c of categories)
      category.run(c.case_id, c.seq, c.category, c.from_date, c.to_date, c.region_code);
    const region = this.stmt(
      'INSERT INTO rm_case_region (case_id, seq, region_code, from_date, to_date, pays)' +
        ' VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const r of regions)
      region.run(r.case_id, r.seq, r.region_code, r.from_date, r.to_date, r.pays);
    if (record.signals.length === 0) return;
    const signal = this.stmt(
      'INSERT INTO rm_case_signal (signal_id, case_id, region_code, kind, roster_kind, category,' +
        ' as_of, status, raised_at, resolved_at, resolution) VALUES (@signal_id, @case_id,' +
        ' @region_code, @kind, @roster_kind, @category, @as_of, @status, @raised_at,' +
        ' @resolved_at, @resolution)',
    );
    for (const s of record.signals) signal.run(fromSignalRow(s));
  }
}

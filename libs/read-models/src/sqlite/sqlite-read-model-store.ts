import Database from 'better-sqlite3';
import type { BenefitCase } from '@app/domain';
import type { Position } from '@app/event-store';
import type {
  CaseListQuery,
  CaseloadCounts,
  CaseloadQuery,
  CaseRecord,
  CaseRow,
  CaseSnapshot,
  Checkpoint,
  ProgrammeRow,
  ReadModelStore,
  ReadModelTransaction,
  RegionPrefixes,
  StandardRow,
} from '../read-model-store.port';
import { migrateReadModels, READ_MODEL_TABLES } from './sqlite-read-model-migrations';
import { SqliteReadQueries } from './sqlite-read-queries';
import { chunks, fromCaseRow, placeholders } from './sqlite-rows';

/** The tables holding one case's rows (a change to the case replaces them). */
const CASE_TABLES = [
  'rm_case_state',
  'rm_case',
  'rm_case_category',
  'rm_programme',
  'rm_protection_period',
  'rm_graduation_grant',
];

export interface SqliteReadModelStoreOptions {
  /** e.g. DATA_DIR/read-models.sqlite; created with its schema when missing */
  filename: string;
  busyTimeoutMs?: number;
}

function open(filename: string, busyTimeoutMs: number): Database.Database {
  const db = new Database(filename);
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  // read models can always be rebuilt from the log: no fsync per commit
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * The embedded read-model store: one SQLite file in WAL mode. The projector writes on one
 * connection; queries read on another, so they only ever see committed batches.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly reads: SqliteReadQueries;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteReadModelStoreOptions) {
    const busy = options.busyTimeoutMs ?? 5000;
    this.writer = open(options.filename, busy);
    try {
      migrateReadModels(this.writer);
      this.reader = options.filename === ':memory:' ? this.writer : open(options.filename, busy);
    } catch (error) {
      this.writer.close();
      throw error;
    }
    this.reads = new SqliteReadQueries(this.reader);
  }

  transaction<T>(work: (tx: ReadModelTransaction) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.tx);
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    return this.reader
      .prepare('SELECT projection, position, events FROM rm_checkpoint ORDER BY projection')
      .all() as Checkpoint[];
  }

  async reset(): Promise<void> {
    await this.transaction(async () => {
      for (const { table } of READ_MODEL_TABLES) this.writer.exec(`DELETE FROM ${table}`);
    });
  }

  async findCase(caseId: string): Promise<CaseRow | null> {
    return this.reads.findCase(caseId);
  }

  async findCases(query: CaseListQuery): Promise<{ rows: CaseRow[]; totalCount: number }> {
    return this.reads.findCases(query);
  }

  async programmesOf(caseIds: readonly string[]): Promise<ProgrammeRow[]> {
    return this.reads.programmesOf(caseIds);
  }

  async benefitCases(caseIds: readonly string[]): Promise<BenefitCase[]> {
    return this.reads.benefitCases(caseIds);
  }

  async benefitCasesForMonth(regions: RegionPrefixes, month: string): Promise<BenefitCase[]> {
    return this.reads.benefitCasesForMonth(regions, month);
  }

  async standards(): Promise<StandardRow[]> {
    return this.reads.standards();
  }

  async caseload(query: CaseloadQuery): Promise<CaseloadCounts> {
    return this.reads.caseload(query);
  }

  async dump(): Promise<Record<string, unknown[]>> {
    return this.reader.transaction(() =>
      Object.fromEntries(
        READ_MODEL_TABLES.map(({ table, key }) => [
          table,
          this.reader.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all(),
        ]),
      ),
    )();
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.reader !== this.writer && this.reader.open) this.reader.close();
    if (this.writer.open) this.writer.close();
  }

  private readonly tx: ReadModelTransaction = {
    caseSnapshots: async (caseIds) => {
      const found = new Map<string, CaseSnapshot>();
      for (const ids of chunks(caseIds)) {
        const rows = this.stmt(
          `SELECT case_id, state, revision, position FROM rm_case_state` +
            ` WHERE case_id IN (${placeholders(ids.length)})`,
        ).all(...ids) as { case_id: string; state: string; revision: number; position: Position }[];
        for (const r of rows)
          found.set(r.case_id, {
            state: JSON.parse(r.state) as CaseSnapshot['state'],
            revision: r.revision,
            position: r.position,
          });
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

  private putCase({ snapshot, summary, programmes, periods, grants }: CaseRecord): void {
    const id = summary.caseId;
    for (const table of CASE_TABLES) this.stmt(`DELETE FROM ${table} WHERE case_id = ?`).run(id);
    this.stmt(
      'INSERT INTO rm_case_state (case_id, state, revision, position) VALUES (?, ?, ?, ?)',
    ).run(id, JSON.stringify(snapshot.state), snapshot.revision, snapshot.position);
    const row = fromCaseRow(summary);
    const columns = Object.keys(row);
    this.stmt(
      `INSERT INTO rm_case (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`,
    ).run(...Object.values(row));
    const category = this.stmt(
      'INSERT INTO rm_case_category (case_id, category, region_code, is_open) VALUES (?, ?, ?, ?)',
    );
    for (const c of new Set(summary.categories))
      category.run(id, c, summary.regionCode, row.is_open);
    const programme = this.stmt(
      'INSERT INTO rm_programme (case_id, seq, programme, from_date, to_date, fast_track,' +
        ' amount_fen, coverage_share, one_off, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of programmes)
      programme.run(
        id,
        p.seq,
        p.programme,
        p.from,
        p.to,
        p.fastTrack ? 1 : 0,
        p.amountFen,
        p.coverageSharePercent,
        p.oneOff ? 1 : 0,
        p.endReason,
      );
    const period = this.stmt(
      'INSERT INTO rm_protection_period (case_id, seq, from_date, to_date) VALUES (?, ?, ?, ?)',
    );
    for (const p of periods) period.run(id, p.seq, p.from, p.to);
    const grant = this.stmt(
      'INSERT INTO rm_graduation_grant (case_id, seq, graduated_on, month, amount_fen)' +
        ' VALUES (?, ?, ?, ?, ?)',
    );
    for (const g of grants) grant.run(id, g.seq, g.graduatedOn, g.month, g.amountFen);
  }
}

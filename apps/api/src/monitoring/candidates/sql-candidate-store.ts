import type { RosterKind } from '@app/domain';
import type {
  Candidate,
  CandidatePage,
  CandidateStore,
  StagedCandidate,
} from './candidate-store.port';

/** One statement run once per list of parameters. */
export type SqlStatements = { sql: string; params: readonly (readonly unknown[])[] };

/** What the SQL below needs of a database: `?` placeholders, rows as plain objects. */
export interface SqlRunner {
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs the statements in one transaction of their own, in order, and answers the rows they
   * changed. Calls run one after the other, in the order made; the caller need not wait for one
   * to make the next (SQLite runs them on a connection of its own, beside the caller's thread).
   */
  runMany(statements: readonly SqlStatements[]): Promise<number>;
  /**
   * Rows per INSERT this engine writes fastest: SQLite runs a prepared one-row statement faster
   * than a long VALUES list; PostgreSQL wants fewer round trips.
   */
  readonly rowsPerInsert: number;
  /** after deleting personal information: make sure no copy is left in a log (SQLite's WAL) */
  scrub(): Promise<void>;
  shutdown(): Promise<void>;
}

export const CANDIDATE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS mon_candidate (
     id            TEXT PRIMARY KEY,
     id_hash       TEXT NOT NULL UNIQUE,
     region_code   TEXT NOT NULL,
     name          TEXT NOT NULL,
     id_number     TEXT NOT NULL,
     roster_kinds  TEXT NOT NULL,
     first_seen_on TEXT NOT NULL,
     last_seen_on  TEXT NOT NULL,
     seen_at       TEXT NOT NULL,
     last_import   TEXT
   )`,
  `CREATE INDEX IF NOT EXISTS mon_candidate_by_region ON mon_candidate (region_code, id)`,
  `CREATE INDEX IF NOT EXISTS mon_candidate_by_seen ON mon_candidate (seen_at)`,
  // staging of the first version (one import's rows merged at its end); merged rows now go
  // straight into mon_candidate, a batch at a time
  `DROP TABLE IF EXISTS mon_candidate_stage`,
  `CREATE TABLE IF NOT EXISTS mon_candidate_closed (
     id        TEXT PRIMARY KEY,
     case_id   TEXT NOT NULL,
     closed_at TEXT NOT NULL
   )`,
];

/**
 * Columns added since the first version, for files and databases that predate them: each engine
 * runner adds the ones missing (SQLite has no `ADD COLUMN IF NOT EXISTS`).
 */
export const CANDIDATE_ADDED_COLUMNS = [
  // the import that last merged the row: a child listed twice by one import counts once
  { table: 'mon_candidate', column: 'last_import', type: 'TEXT' },
] as const;

type Row = {
  id: string;
  id_hash: string;
  region_code: string;
  name: string;
  id_number: string;
  roster_kinds: string;
  first_seen_on: string;
  last_seen_on: string;
  seen_at: string;
};

const toCandidate = (r: Row): Candidate => ({
  id: r.id,
  idHash: r.id_hash,
  regionCode: r.region_code,
  name: r.name,
  idNumber: r.id_number,
  rosterKinds: r.roster_kinds.split(',') as RosterKind[],
  firstSeenOn: r.first_seen_on,
  lastSeenOn: r.last_seen_on,
  seenAt: r.seen_at,
});

/**
 * Each prefix compared as the code's first characters: portable, and not at the mercy of a
 * database collation that sorts ':' among the digits (PostgreSQL's default ones do).
 */
function regionFilter(regions: readonly string[] | null): { sql: string; params: unknown[] } {
  if (regions === null) return { sql: '1 = 1', params: [] };
  if (regions.length === 0) return { sql: '1 = 0', params: [] };
  return {
    sql: `(${regions.map(() => 'substr(region_code, 1, ?) = ?').join(' OR ')})`,
    params: regions.flatMap((p) => [p.length, p]),
  };
}

/** The merge of an import's rows, `MERGE_CHUNK` at a time or fewer (the batch's last ones). */
const mergeSql = (rows: number): string =>
  `INSERT INTO mon_candidate (id, id_hash, region_code, name, id_number, roster_kinds,
     first_seen_on, last_seen_on, seen_at, last_import)
   VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
   ON CONFLICT (id_hash) DO UPDATE SET
     region_code = excluded.region_code,
     name = excluded.name,
     roster_kinds = CASE
       WHEN ',' || mon_candidate.roster_kinds || ',' LIKE '%,' || excluded.roster_kinds || ',%'
       THEN mon_candidate.roster_kinds
       ELSE mon_candidate.roster_kinds || ',' || excluded.roster_kinds END,
     first_seen_on = CASE WHEN excluded.first_seen_on < mon_candidate.first_seen_on
       THEN excluded.first_seen_on ELSE mon_candidate.first_seen_on END,
     last_seen_on = CASE WHEN excluded.last_seen_on > mon_candidate.last_seen_on
       THEN excluded.last_seen_on ELSE mon_candidate.last_seen_on END,
     seen_at = excluded.seen_at,
     last_import = excluded.last_import
   WHERE mon_candidate.last_import IS NULL OR mon_candidate.last_import <> excluded.last_import`;

/** The candidate store on either engine (the SQL is portable: upserts, no engine functions). */
export class SqlCandidateStore implements CandidateStore {
  constructor(private readonly db: SqlRunner) {}

  /**
   * One transaction per batch, a few multi-row upserts: one commit, not one per row. Merges of
   * one import run in the order asked, so a batch sees what the one before it merged.
   */
  merge(
    importId: string,
    rows: readonly StagedCandidate[],
    seen: { rosterKind: RosterKind; asOf: string; at: string },
  ): Promise<number> {
    // a child twice in one statement is an error on PostgreSQL: the batch keeps its first row
    const firsts = new Map<string, StagedCandidate>();
    for (const row of rows) if (!firsts.has(row.idHash)) firsts.set(row.idHash, row);
    const unique = [...firsts.values()];
    if (unique.length === 0) return Promise.resolve(0);
    const { rosterKind, asOf, at } = seen;
    const rowParams = (r: StagedCandidate) => [
      r.id,
      r.idHash,
      r.regionCode,
      r.name,
      r.idNumber,
      rosterKind,
      asOf,
      asOf,
      at,
      importId,
    ];
    const per = Math.max(1, this.db.rowsPerInsert);
    const statements: SqlStatements[] = [];
    const whole = unique.length - (unique.length % per);
    if (whole > 0) {
      const params: unknown[][] = [];
      for (let i = 0; i < whole; i += per) params.push(unique.slice(i, i + per).flatMap(rowParams));
      statements.push({ sql: mergeSql(per), params });
    }
    if (whole < unique.length)
      statements.push({
        sql: mergeSql(unique.length - whole),
        params: [unique.slice(whole).flatMap(rowParams)],
      });
    return this.db.runMany(statements);
  }

  async list(query: {
    regions: readonly string[] | null;
    after?: string;
    limit: number;
  }): Promise<CandidatePage> {
    const where = regionFilter(query.regions);
    const [count] = await this.db.all<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM mon_candidate WHERE ${where.sql}`,
      where.params,
    );
    const after = query.after === undefined ? '' : ' AND id > ?';
    const rows = await this.db.all<Row>(
      `SELECT * FROM mon_candidate WHERE ${where.sql}${after} ORDER BY id LIMIT ?`,
      [...where.params, ...(query.after === undefined ? [] : [query.after]), query.limit],
    );
    return { rows: rows.map(toCandidate), totalCount: Number(count?.n ?? 0) };
  }

  async find(id: string): Promise<Candidate | null> {
    const [row] = await this.db.all<Row>(`SELECT * FROM mon_candidate WHERE id = ?`, [id]);
    return row ? toCandidate(row) : null;
  }

  async closeCandidate(id: string, caseId: string, at: string): Promise<boolean> {
    const closed = await this.db.transaction(async () => {
      const deleted = await this.db.run(`DELETE FROM mon_candidate WHERE id = ?`, [id]);
      if (deleted === 0) return false;
      await this.db.run(
        `INSERT INTO mon_candidate_closed (id, case_id, closed_at) VALUES (?, ?, ?)`,
        [id, caseId, at],
      );
      return true;
    });
    if (closed) await this.db.scrub();
    return closed;
  }

  async closedAs(id: string): Promise<string | null> {
    const [row] = await this.db.all<{ case_id: string }>(
      `SELECT case_id FROM mon_candidate_closed WHERE id = ?`,
      [id],
    );
    return row?.case_id ?? null;
  }

  async eraseSeenBefore(cutoff: string): Promise<number> {
    const erased = await this.db.run(`DELETE FROM mon_candidate WHERE seen_at < ?`, [cutoff]);
    if (erased > 0) await this.db.scrub();
    return erased;
  }

  shutdown(): Promise<void> {
    return this.db.shutdown();
  }
}

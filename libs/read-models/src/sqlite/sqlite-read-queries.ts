import type Database from 'better-sqlite3';
import type { BenefitCase } from '@app/domain';
import type {
  CaseListQuery,
  CaseloadCounts,
  CaseloadQuery,
  CaseRow,
  ProgrammeRow,
  RegionPrefixes,
  StandardRow,
} from '../read-model-store.port';
import {
  chunks,
  placeholders,
  regionClause,
  toCaseRow,
  toProgrammeRow,
  type CaseRecordRow,
  type ProgrammeRecordRow,
} from './sqlite-rows';

type Sql = { sql: string; params: unknown[] };

/** The read side of the SQLite store: plain SELECTs, run on the reading connection. */
export class SqliteReadQueries {
  constructor(private readonly db: Database.Database) {}

  findCase(caseId: string): CaseRow | null {
    const row = this.db.prepare('SELECT * FROM rm_case WHERE case_id = ?').get(caseId);
    return row ? toCaseRow(row as CaseRecordRow) : null;
  }

  findCases(q: CaseListQuery): { rows: CaseRow[]; totalCount: number } {
    // with a category the category index drives (its region_code and case_id mirror the case's)
    const k = q.category ? 'k' : 'c';
    const from = q.category
      ? 'rm_case_category k JOIN rm_case c ON c.case_id = k.case_id'
      : 'rm_case c';
    const where: Sql[] = [regionClause(`${k}.region_code`, q.regions)];
    if (q.category) where.push({ sql: 'k.category = ?', params: [q.category] });
    if (q.status) where.push({ sql: 'c.status = ?', params: [q.status] });
    if (q.riskLevel) where.push({ sql: 'c.risk_level = ?', params: [q.riskLevel] });
    if (q.caseworkerId) where.push({ sql: 'c.caseworker_id = ?', params: [q.caseworkerId] });
    const filter = and(where);
    const page = q.after
      ? and([
          filter,
          {
            sql: `(${k}.region_code > ? OR (${k}.region_code = ? AND ${k}.case_id > ?))`,
            params: [q.after.regionCode, q.after.regionCode, q.after.caseId],
          },
        ])
      : filter;
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT c.* FROM ${from} WHERE ${page.sql}` +
            ` ORDER BY ${k}.region_code, ${k}.case_id LIMIT ?`,
        )
        .all(...page.params, q.limit) as CaseRecordRow[];
      const { n } = this.db
        .prepare(`SELECT COUNT(*) AS n FROM ${from} WHERE ${filter.sql}`)
        .get(...filter.params) as { n: number };
      return { rows: rows.map(toCaseRow), totalCount: n };
    })();
  }

  programmesOf(caseIds: readonly string[]): ProgrammeRow[] {
    return chunks([...new Set(caseIds)].sort()).flatMap((ids) =>
      (
        this.db
          .prepare(
            `SELECT * FROM rm_programme WHERE case_id IN (${placeholders(ids.length)})` +
              ' ORDER BY case_id, seq',
          )
          .all(...ids) as ProgrammeRecordRow[]
      ).map(toProgrammeRow),
    );
  }

  benefitCases(caseIds: readonly string[]): BenefitCase[] {
    return this.db.transaction(() =>
      chunks([...new Set(caseIds)].sort()).flatMap((ids) => this.benefitCaseChunk(ids)),
    )();
  }

  benefitCasesForMonth(regions: RegionPrefixes, month: string): BenefitCase[] {
    const region = regionClause('c.region_code', regions);
    return this.db.transaction(() => {
      const ids = this.db
        .prepare(
          `SELECT c.case_id AS id FROM rm_case c WHERE ${region.sql} AND (` +
            ' EXISTS (SELECT 1 FROM rm_programme p WHERE p.case_id = c.case_id' +
            '   AND p.from_date <= ? AND (p.to_date IS NULL OR p.to_date >= ?))' +
            ' OR EXISTS (SELECT 1 FROM rm_graduation_grant g' +
            '   WHERE g.case_id = c.case_id AND g.month = ?))' +
            ' ORDER BY c.case_id',
        )
        .all(...region.params, `${month}-31`, `${month}-01`, month) as { id: string }[];
      return chunks(ids.map((r) => r.id)).flatMap((chunk) => this.benefitCaseChunk(chunk));
    })();
  }

  standards(): StandardRow[] {
    const rows = this.db
      .prepare('SELECT * FROM rm_standard ORDER BY stream_id, revision')
      .all() as Record<string, string | number>[];
    return rows.map((r) => ({
      streamId: r.stream_id as string,
      revision: r.revision as number,
      regionCode: r.region_code as string,
      category: r.category as StandardRow['category'],
      monthlyAmountFen: r.monthly_amount_fen as number,
      effectiveFrom: r.effective_from as string,
    }));
  }

  caseload(q: CaseloadQuery): CaseloadCounts {
    const where = and([
      { sql: 'c.is_open = 1', params: [] },
      regionClause('c.region_code', q.regions),
      ...(q.caseworkerId ? [{ sql: 'c.caseworker_id = ?', params: [q.caseworkerId] }] : []),
    ]);
    // without a caseworker the category table answers alone (its region_code and is_open mirror
    // the case's); with one, the caseworker index picks the cases first
    const categories = q.caseworkerId
      ? {
          sql: `k.case_id IN (SELECT c.case_id FROM rm_case c WHERE ${where.sql})`,
          params: where.params,
        }
      : and([{ sql: 'k.is_open = 1', params: [] }, regionClause('k.region_code', q.regions)]);
    return this.db.transaction(() => {
      const byRisk = this.db
        .prepare(
          'SELECT c.risk_level AS k, COUNT(*) AS n,' +
            ' SUM(CASE WHEN c.next_visit_due < ? THEN 1 ELSE 0 END) AS overdue,' +
            ' SUM(CASE WHEN c.eighteenth_birthday >= ? AND c.eighteenth_birthday <= ?' +
            ' THEN 1 ELSE 0 END) AS turning18' +
            ` FROM rm_case c WHERE ${where.sql} GROUP BY c.risk_level`,
        )
        .all(q.overdueBefore, q.turning18From, q.turning18To, ...where.params) as {
        k: string | null;
        n: number;
        overdue: number;
        turning18: number;
      }[];
      const byCategory = this.db
        .prepare(
          'SELECT k.category AS k, COUNT(*) AS n FROM rm_case_category k' +
            ` WHERE ${categories.sql} GROUP BY k.category`,
        )
        .all(...categories.params) as { k: string; n: number }[];
      const sum = (f: (r: (typeof byRisk)[number]) => number) =>
        byRisk.reduce((total, r) => total + f(r), 0);
      return {
        open: sum((r) => r.n),
        unassessed: sum((r) => (r.k === null ? r.n : 0)),
        overdueVisits: sum((r) => r.overdue),
        turning18: sum((r) => r.turning18),
        byRisk: Object.fromEntries(byRisk.filter((r) => r.k !== null).map((r) => [r.k, r.n])),
        byCategory: Object.fromEntries(byCategory.map((r) => [r.k, r.n])),
      };
    })();
  }

  private benefitCaseChunk(ids: readonly string[]): BenefitCase[] {
    const inList = `case_id IN (${placeholders(ids.length)})`;
    const all = <T>(table: string): T[] =>
      this.db
        .prepare(`SELECT * FROM ${table} WHERE ${inList} ORDER BY case_id, seq`)
        .all(...ids) as T[];
    const cases = this.db
      .prepare(
        `SELECT case_id, region_code, categories FROM rm_case WHERE ${inList} ORDER BY case_id`,
      )
      .all(...ids) as { case_id: string; region_code: string; categories: string }[];
    const programmes = group(all<ProgrammeRecordRow>('rm_programme').map(toProgrammeRow));
    const periods = group(
      all<{ case_id: string; from_date: string; to_date: string | null }>(
        'rm_protection_period',
      ).map((r) => ({ caseId: r.case_id, from: r.from_date, to: r.to_date })),
    );
    const grants = group(
      all<{ case_id: string; graduated_on: string; month: string; amount_fen: number }>(
        'rm_graduation_grant',
      ).map((r) => ({
        caseId: r.case_id,
        graduatedOn: r.graduated_on,
        month: r.month,
        amountFen: r.amount_fen,
      })),
    );
    return cases.map((c) => ({
      caseId: c.case_id,
      regionCode: c.region_code,
      categories: JSON.parse(c.categories) as BenefitCase['categories'],
      protectionPeriods: (periods.get(c.case_id) ?? []).map(({ from, to }) => ({ from, to })),
      programmes: programmes.get(c.case_id) ?? [],
      graduationGrants: (grants.get(c.case_id) ?? []).map(({ graduatedOn, month, amountFen }) => ({
        graduatedOn,
        month,
        amountFen,
      })),
    }));
  }
}

function and(parts: Sql[]): Sql {
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

function group<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.caseId);
    if (list) list.push(row);
    else map.set(row.caseId, [row]);
  }
  return map;
}

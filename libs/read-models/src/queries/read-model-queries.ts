import {
  addDays,
  CHILD_CATEGORIES,
  DEFAULT_POLICY,
  entitlementsOn,
  paymentLinesForMonth,
  RISK_LEVELS,
  standardLookupFrom,
  totalFen,
  type CasePolicy,
  type PaymentLine,
  type StandardLookup,
} from '@app/domain';
import type {
  CaseListQuery,
  CaseRow,
  CaseWithProgrammes,
  ProgrammeRow,
  ReadModelStore,
  RegionPrefixes,
} from '../read-model-store.port';
import { decodeCursor, encodeCursor } from './cursor';
import type { EntitlementView } from './entitlements';

export type CasePage = {
  rows: CaseRow[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
};

/** A payment with the case's village code. */
export type RollLine = PaymentLine & { regionCode: string };

export type PaymentRollView = { lines: RollLine[]; totalFen: number; children: number };

export type KeyCount = { key: string; count: number };

export type CaseloadView = {
  open: number;
  byRisk: KeyCount[];
  byCategory: KeyCount[];
  unassessed: number;
  overdueVisits: number;
  turning18Within90Days: number;
};

export const TURNING_18_WINDOW_DAYS = 90;

/** The read queries of CONTRACT.md over the store; money in fen, the rules from @app/domain. */
export class ReadModelQueries {
  constructor(
    private readonly store: ReadModelStore,
    private readonly policy: CasePolicy = DEFAULT_POLICY,
  ) {}

  /** The case and its programmes in one read (`case(id)`). */
  caseWithProgrammes(caseId: string): Promise<CaseWithProgrammes | null> {
    return this.store.findCaseWithProgrammes(caseId);
  }

  /** A page of `first` cases after the cursor, in (regionCode, caseId) order. */
  async cases(
    query: Omit<CaseListQuery, 'after' | 'limit'> & { first: number; after?: string | null },
  ): Promise<CasePage> {
    const { first, after, ...filter } = query;
    const { rows, totalCount } = await this.store.findCases({
      ...filter,
      after: after ? decodeCursor(after) : undefined,
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    return {
      rows: page,
      cursors: page.map((r) => encodeCursor({ regionCode: r.regionCode, caseId: r.caseId })),
      totalCount,
      hasNextPage: rows.length > first,
    };
  }

  /** Programmes of many cases in one read (the `cases` page's batch). */
  async programmesByCase(caseIds: readonly string[]): Promise<Map<string, ProgrammeRow[]>> {
    const byCase = new Map<string, ProgrammeRow[]>(caseIds.map((id) => [id, []]));
    for (const row of await this.store.programmesOf(caseIds)) byCase.get(row.caseId)?.push(row);
    return byCase;
  }

  async standardLookup(): Promise<StandardLookup> {
    return standardLookupFrom(await this.store.standards());
  }

  /** The programmes in force on `date`; null when there is no such case. */
  async benefitsOn(
    caseId: string,
    date: string,
  ): Promise<{ regionCode: string; entitlements: EntitlementView[] } | null> {
    const [found] = await this.store.benefitCases([caseId]);
    if (!found) return null;
    const lookup = await this.standardLookup();
    const entitlements = entitlementsOn(found, date, lookup, this.policy).map((e) => ({
      programme: e.programme,
      from: e.from,
      to: e.to,
      amountFen: e.monthlyAmountFen ?? e.amountFen,
      coverageSharePercent: e.coverageSharePercent,
      fastTrack: e.fastTrack,
    }));
    return { regionCode: found.regionCode, entitlements };
  }

  /** Who is paid how much in the month: lines by case, then monthly, one-off, grant. */
  async paymentRoll(regions: RegionPrefixes, month: string): Promise<PaymentRollView> {
    const [cases, lookup] = await Promise.all([
      this.store.benefitCasesForMonth(regions, month),
      this.standardLookup(),
    ]);
    const lines = cases.flatMap((c) =>
      paymentLinesForMonth(c, month, lookup, this.policy).map((line) => ({
        ...line,
        regionCode: c.regionCode,
      })),
    );
    return {
      lines,
      totalFen: totalFen(lines),
      children: new Set(lines.map((l) => l.caseId)).size,
    };
  }

  /** Open cases now; overdue visits and the 18th-birthday window measured from `asOf`. */
  async caseload(query: {
    regions: RegionPrefixes;
    caseworkerId?: string;
    asOf: string;
  }): Promise<CaseloadView> {
    const counts = await this.store.caseload({
      regions: query.regions,
      caseworkerId: query.caseworkerId,
      overdueBefore: query.asOf,
      turning18From: query.asOf,
      turning18To: addDays(query.asOf, TURNING_18_WINDOW_DAYS),
    });
    return {
      open: counts.open,
      byRisk: RISK_LEVELS.map((key) => ({ key, count: counts.byRisk[key] ?? 0 })),
      byCategory: CHILD_CATEGORIES.map((key) => ({ key, count: counts.byCategory[key] ?? 0 })),
      unassessed: counts.unassessed,
      overdueVisits: counts.overdueVisits,
      turning18Within90Days: counts.turning18,
    };
  }
}

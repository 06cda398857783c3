import {
  addDays,
  CHILD_CATEGORIES,
  entitlementsOn,
  RISK_LEVELS,
  standardLookupFrom,
  timelineOf,
  type CasePolicy,
  type Entitlement,
  type StandardLookup,
} from '@app/domain';
import {
  caseSortValue,
  type CaseListQuery,
  type CaseRow,
  type CaseSnapshot,
  type ReadModelStore,
  type RegionPrefixes,
  type StandardRow,
} from '../read-model-store.port';
import { decodeCursor, encodeCursor } from './cursor';

export type CasePage = {
  rows: CaseRow[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
};

export type KeyCount = { key: string; count: number };

export type CaseloadView = {
  open: number;
  byRisk: KeyCount[];
  byCategory: KeyCount[];
  unassessed: number;
  overdueVisits: number;
  turning18Within90Days: number;
  openSignals: number;
};

export const TURNING_18_WINDOW_DAYS = 90;

/** The read queries of CONTRACT.md over the store; money in fen, the rules from @app/domain. */
export class ReadModelQueries {
  constructor(
    private readonly store: ReadModelStore,
    private readonly policy: CasePolicy,
  ) {}

  /** The folded case (`case(id)`): what every answer about it asks the timeline. */
  caseState(caseId: string): Promise<CaseSnapshot | null> {
    return this.store.findCaseState(caseId);
  }

  /** The folded cases of many ids in one read (a `cases` page). */
  async caseStates(caseIds: readonly string[]): Promise<Map<string, CaseSnapshot>> {
    const found = await this.store.caseStates(caseIds);
    return new Map(found.map((s) => [s.state.id, s]));
  }

  /**
   * A page of `first` cases after the cursor, in (regionCode, caseId) order, or by `orderBy`
   * then case id.
   */
  async cases(
    query: Omit<CaseListQuery, 'after' | 'limit'> & { first: number; after?: string | null },
  ): Promise<CasePage> {
    const { first, after, ...filter } = query;
    const order = filter.orderBy ?? null;
    const { rows, totalCount } = await this.store.findCases({
      ...filter,
      after: after ? decodeCursor(after, order) : undefined,
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    return {
      rows: page,
      cursors: page.map((r) =>
        encodeCursor({ value: caseSortValue(r, order), caseId: r.caseId }, order),
      ),
      totalCount,
      hasNextPage: rows.length > first,
    };
  }

  /**
   * The standards that bear on the prefixes: set for one of them, for a region holding one (a
   * province's standard covers its counties) or for a region inside one; for each prefix, category
   * and date the one set last (the one in force), by region, category, then date.
   */
  async benefitStandards(regions: RegionPrefixes): Promise<StandardRow[]> {
    const bears = (code: string) =>
      regions === null || regions.some((p) => code.startsWith(p) || p.startsWith(code));
    const latest = new Map<string, StandardRow>();
    for (const row of await this.store.standards())
      if (bears(row.regionCode))
        latest.set(JSON.stringify([row.regionCode, row.category, row.effectiveFrom]), row);
    const key = (r: StandardRow) => [r.regionCode, r.category, r.effectiveFrom].join('\u0000');
    return [...latest.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  async standardLookup(): Promise<StandardLookup> {
    return standardLookupFrom(await this.store.standards());
  }

  /** The programmes in force on `date`; null when there is no such case. */
  async benefitsOn(
    caseId: string,
    date: string,
    standards?: StandardLookup,
  ): Promise<{ regionCode: string; entitlements: Entitlement[] } | null> {
    const found = await this.store.findCaseState(caseId);
    if (!found) return null;
    const lookup = standards ?? (await this.standardLookup());
    const t = timelineOf(found.state, this.policy);
    return { regionCode: found.state.regionCode, entitlements: entitlementsOn(t, date, lookup) };
  }

  /** Cases open on `asOf` with the categories held that day; visits and birthdays from `asOf`. */
  async caseload(query: {
    regions: RegionPrefixes;
    caseworkerId?: string;
    asOf: string;
  }): Promise<CaseloadView> {
    const counts = await this.store.caseload({
      regions: query.regions,
      caseworkerId: query.caseworkerId,
      asOf: query.asOf,
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
      openSignals: counts.openSignals,
    };
  }
}

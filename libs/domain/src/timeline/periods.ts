import type { CaseStatus, ChildCategory } from '../shared/enums';
import type { BusinessDate } from '../shared/types';
import { changeDates, openOn, statusOn, type CaseTimeline } from './case-timeline';

/** A stretch of days [from, to): `to` exclusive, null when it runs on. */
export type Period<T> = T & { from: BusinessDate; to: BusinessDate | null };

/** The first business date there is: a region holds for every day before the first transfer. */
export const BEGINNING = '0001-01-01';

/**
 * The case's status from its identification on, one period per status: what a read model keeps so
 * that "open today" and "status today" need no review to have run, and no projection to re-run.
 */
export function statusPeriods(t: CaseTimeline): Period<{ status: CaseStatus; open: boolean }>[] {
  const periods: Period<{ status: CaseStatus; open: boolean }>[] = [];
  for (const date of changeDates(t).filter((d) => d >= t.identifiedOn)) {
    const status = statusOn(t, date)!;
    const last = periods.at(-1);
    if (last?.status === status) continue;
    if (last) last.to = date;
    periods.push({ from: date, to: null, status, open: openOn(t, date) });
  }
  return periods;
}

/** The categories held, period by period from identification. */
export function categoryPeriods(
  t: CaseTimeline,
): Period<{ categories: readonly ChildCategory[] }>[] {
  return t.categories.map((c, k) => ({
    from: c.from,
    to: t.categories[k + 1]?.from ?? null,
    categories: c.categories,
  }));
}

/**
 * The villages the case belonged to, period by period; the first holds from the beginning (money
 * may be owed for months before identification). Every village it was ever in keeps a period,
 * even one a later-recorded transfer made empty (`from === to`).
 */
export function regionPeriods(t: CaseTimeline): Period<{ regionCode: string }>[] {
  return t.regions.map((r, k) => ({
    from: k === 0 ? BEGINNING : r.from,
    to: t.regions[k + 1]?.from ?? null,
    regionCode: r.regionCode,
  }));
}

/** Whether the case may ever be owed money: a cash programme, or study that may end in a grant. */
export function mayBeOwed(t: CaseTimeline): boolean {
  return (
    t.history.education.length > 0 ||
    t.programmes.some(
      (p) => t.policy.monthlyProgrammes.includes(p.programme) || (p.oneOff && p.amountFen !== null),
    )
  );
}

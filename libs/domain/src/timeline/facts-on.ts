import type { BusinessDate } from '../shared/types';
import type { Closure, EducationSpell } from '../case/case-history';
import type { CaseTimeline } from './case-timeline';
import { byEffectiveDate, indexOn } from './effective-dated';

/** The closure in force on `date` (closed from `from` until the reopening), null when open. */
export function closureOn(t: CaseTimeline, date: BusinessDate): Closure | null {
  // the last recorded of closures covering the day: a later close is what the file says now
  return t.closures.findLast((c) => c.from <= date && (c.to === null || date < c.to)) ?? null;
}

/**
 * The education on record on `date`: the latest record dated on or before it (of two on one
 * date, the later recorded), with its graduation once recorded; null before the first record.
 */
export function educationOn(t: CaseTimeline, date: BusinessDate): EducationSpell | null {
  const spells = byEffectiveDate(t.history.education);
  const i = indexOn(spells, date);
  return i < 0 ? null : spells[i];
}

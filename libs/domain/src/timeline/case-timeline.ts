import { addDays, businessDateOf } from '../shared/dates';
import type { CaseStatus, ChildCategory } from '../shared/enums';
import type { BusinessDate } from '../shared/types';
import type { CasePolicy } from '../policy/case-policy';
import { isEligibleForProgramme } from '../policy/eligibility';
import type { CaseFile, ProgrammeEntry } from '../case/case.state';
import type { Guardian } from '../case/case.events';
import { guardianForCategories } from '../guardianship/guardian-by-law';
import { applyGuardianAct, type Guardians } from '../guardianship/guardianship.evolve';
import type { CaseHistory, Closure, DatedCategories, DatedRegion } from '../case/case-history';
import { byEffectiveDate, recordOn } from './effective-dated';
import { protectionOf, type Protection } from './protection';

/** What the timeline reads of a case: its fold, with the dated history. */
export type TimelineSource = Pick<CaseFile, 'id' | 'birthDate' | 'programmes' | 'history'>;

/** A case's dated facts, sorted and with its protection worked out: ask it about any date. */
export type CaseTimeline = {
  caseId: string;
  birthDate: BusinessDate;
  identifiedOn: BusinessDate;
  assessedOn: BusinessDate | null;
  regions: readonly DatedRegion[];
  categories: readonly DatedCategories[];
  closures: readonly Closure[];
  programmes: readonly ProgrammeEntry[];
  protection: Protection;
  history: CaseHistory;
  policy: CasePolicy;
};

const built = new WeakMap<object, CaseTimeline>();

/** The timeline of a case's fold (kept per fold object: folds are never changed in place). */
export function timelineOf(file: TimelineSource, policy: CasePolicy): CaseTimeline {
  const known = built.get(file);
  if (known !== undefined && known.policy === policy) return known;
  const h = file.history;
  const timeline: CaseTimeline = {
    caseId: file.id,
    birthDate: file.birthDate,
    identifiedOn: h.identifiedOn,
    assessedOn: h.assessedOn,
    regions: byEffectiveDate(h.regions),
    categories: byEffectiveDate(h.categories),
    closures: h.closures,
    programmes: file.programmes,
    protection: protectionOf(file.birthDate, h.education, policy),
    history: h,
    policy,
  };
  built.set(file, timeline);
  return timeline;
}

/** The village the case belonged to on `date` (its identification village before that). */
export function regionOn(t: CaseTimeline, date: BusinessDate): string {
  return recordOn(t.regions, date).regionCode;
}

/** The categories held on `date` (those of the identification before any determination). */
export function categoriesOn(t: CaseTimeline, date: BusinessDate): readonly ChildCategory[] {
  return recordOn(t.categories, date).categories;
}

export function closedOn(t: CaseTimeline, date: BusinessDate): boolean {
  return t.closures.some((c) => c.from <= date && (c.to === null || date < c.to));
}

/** Protection in force on `date`: before its end by the rule, and the case not closed that day. */
export function protectedOn(t: CaseTimeline, date: BusinessDate): boolean {
  const end = t.protection.end;
  return (end === null || date < end.on) && !closedOn(t, date);
}

/** An enrolment in force on `date`: its dates, protection, and categories that open it that day. */
export function inForceOn(t: CaseTimeline, entry: ProgrammeEntry, date: BusinessDate): boolean {
  const enrolled = entry.oneOff
    ? entry.from === date
    : entry.from <= date && (entry.to === null || date <= entry.to);
  return (
    enrolled &&
    protectedOn(t, date) &&
    isEligibleForProgramme(entry.programme, categoriesOn(t, date), t.policy)
  );
}

/** The case's status on `date`; null before it was identified. */
export function statusOn(t: CaseTimeline, date: BusinessDate): CaseStatus | null {
  if (date < t.identifiedOn) return null;
  if (closedOn(t, date)) return 'CLOSED';
  const { end, extendedFrom } = t.protection;
  if (end !== null && date >= end.on) return 'AGED_OUT';
  if (extendedFrom !== null && date >= extendedFrom) return 'EXTENDED';
  if (t.programmes.some((p) => !p.oneOff && inForceOn(t, p, date))) return 'ENROLLED';
  return t.assessedOn !== null && t.assessedOn <= date ? 'ASSESSED' : 'IDENTIFIED';
}

/** Open on `date`: identified, protection running, not closed. */
export function openOn(t: CaseTimeline, date: BusinessDate): boolean {
  const status = statusOn(t, date);
  return status !== null && status !== 'CLOSED' && status !== 'AGED_OUT';
}

/**
 * The guardian on `date`: what changes it, in force that day, applied in stream order (a late act
 * after what was recorded before it, as the fold does): court acts from their `effectiveOn`, and
 * the parents by law following the categories determined by then. So an appointment effective
 * next March is not today's guardian.
 */
export function guardianOn(t: CaseTimeline, date: BusinessDate): Guardian | null {
  const h = t.history;
  let guardians: Guardians = {
    guardian: h.initialGuardian,
    guardianOnRecord: h.initialGuardianOnRecord,
    revokedGuardians: [],
  };
  for (const event of h.guardianEvents) {
    if (event.type === 'CategoriesDetermined') {
      if (businessDateOf(event.data.determinedAt) > date) continue;
      const { guardian, guardianOnRecord } = guardians;
      const next = guardianForCategories(guardian, guardianOnRecord, event.data.categories);
      guardians = { ...guardians, guardian: next };
    } else if (event.data.effectiveOn <= date) guardians = applyGuardianAct(guardians, event);
  }
  return guardians.guardian;
}

/** Every date on which something in force may change, ascending. */
export function changeDates(t: CaseTimeline): BusinessDate[] {
  const dates = new Set<BusinessDate>([t.identifiedOn, t.protection.eighteenthBirthday]);
  if (t.assessedOn !== null) dates.add(t.assessedOn);
  if (t.protection.end !== null) dates.add(t.protection.end.on);
  for (const r of t.regions) dates.add(r.from);
  for (const c of t.categories) dates.add(c.from);
  for (const c of t.closures) {
    dates.add(c.from);
    if (c.to !== null) dates.add(c.to);
  }
  for (const p of t.programmes) {
    dates.add(p.from);
    if (p.to !== null) dates.add(addDays(p.to, 1));
    if (p.oneOff) dates.add(addDays(p.from, 1));
  }
  return [...dates].sort();
}

/** A stretch of days; `to` inclusive, null when it runs on with no known end. */
export type Stretch = { from: BusinessDate; to: BusinessDate | null };

/** The stretches in which `entry` is in force, in order. */
export function inForceStretches(t: CaseTimeline, entry: ProgrammeEntry): Stretch[] {
  const dates = changeDates(t).filter((d) => d >= entry.from);
  if (dates[0] !== entry.from) dates.unshift(entry.from);
  const stretches: Stretch[] = [];
  let open: BusinessDate | null = null;
  for (let k = 0; k < dates.length; k++) {
    const inForce = inForceOn(t, entry, dates[k]);
    if (inForce && open === null) open = dates[k];
    if (!inForce && open !== null) {
      stretches.push({ from: open, to: addDays(dates[k], -1) });
      open = null;
    }
  }
  if (open !== null) stretches.push({ from: open, to: null });
  return stretches;
}

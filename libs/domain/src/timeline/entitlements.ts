import type { Programme } from '../shared/enums';
import type { BusinessDate, Fen } from '../shared/types';
import { medicalCoverageShare } from '../policy/eligibility';
import type { StandardLookup } from '../standards/standard-in-force';
import { monthlyAllowanceFen } from '../benefits/monthly-allowance';
import type { ProgrammeEntry } from '../case/case.state';
import {
  categoriesOn,
  inForceOn,
  inForceStretches,
  regionOn,
  type CaseTimeline,
} from './case-timeline';

/** A programme as the read side shows it on a day (money in fen). */
export type Entitlement = {
  programme: Programme;
  from: BusinessDate;
  /** last day in force once known (its end, the end of protection, a closure); null while open */
  to: BusinessDate | null;
  /** monthly cash programmes only: the rate in force that day (null without a standard) */
  monthlyAmountFen: Fen | null;
  /** one-off programmes only: the amount granted */
  amountFen: Fen | null;
  /** medical assistance only: the share the categories held that day give */
  coverageSharePercent: number | null;
  fastTrack: boolean;
};

/** "the programmes in force today and on any date, with amounts and shares" (`benefits`). */
export function entitlementsOn(
  t: CaseTimeline,
  date: BusinessDate,
  standards: StandardLookup,
): Entitlement[] {
  return t.programmes
    .filter((entry) => inForceOn(t, entry, date))
    .map((entry) => entitlement(t, entry, date, standards));
}

/**
 * Every enrolment of the case (`Case.programmes`), each as of `today`: a programme that has ended
 * shows its last day's rate, one not yet begun its first day's.
 */
export function enrolmentsOn(
  t: CaseTimeline,
  today: BusinessDate,
  standards: StandardLookup,
): Entitlement[] {
  return t.programmes.map((entry) => {
    const to = knownEnd(t, entry, today);
    const day = to !== null && to < today ? to : entry.from > today ? entry.from : today;
    return { ...entitlement(t, entry, day, standards), to };
  });
}

function entitlement(
  t: CaseTimeline,
  entry: ProgrammeEntry,
  day: BusinessDate,
  standards: StandardLookup,
): Entitlement {
  const monthly = !entry.oneOff && t.policy.monthlyProgrammes.includes(entry.programme);
  const child = { regionCode: regionOn(t, day), categories: categoriesOn(t, day) };
  return {
    programme: entry.programme,
    from: entry.from,
    to: knownEnd(t, entry, day),
    monthlyAmountFen: monthly
      ? (monthlyAllowanceFen(child, day, standards, entry.programme, t.policy)?.amountFen ?? null)
      : null,
    amountFen: entry.oneOff ? entry.amountFen : null,
    coverageSharePercent:
      entry.programme === 'MEDICAL_ASSISTANCE'
        ? medicalCoverageShare(child.categories, t.policy)
        : null,
    fastTrack: entry.fastTrack,
  };
}

/**
 * The last day of the stretch in force around `day` (or the last one begun by then, or else the
 * first): where the enrolment, protection and eligibility stop together. A one-off: its day.
 */
function knownEnd(t: CaseTimeline, entry: ProgrammeEntry, day: BusinessDate): BusinessDate | null {
  if (entry.oneOff) return entry.from;
  const stretches = inForceStretches(t, entry);
  const around = stretches.findLast((s) => s.from <= day) ?? stretches[0];
  return around === undefined ? entry.to : around.to;
}

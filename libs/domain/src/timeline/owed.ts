import { addDays, firstDayOfMonth, monthOf } from '../shared/dates';
import type { ChildCategory, Programme } from '../shared/enums';
import type { BusinessDate, Fen, YearMonth } from '../shared/types';
import type { StandardLookup } from '../standards/standard-in-force';
import { monthlyAllowanceFen } from '../benefits/monthly-allowance';
import { categoriesOn, closedOn, inForceOn, regionOn, type CaseTimeline } from './case-timeline';

/** What a case is owed for a month, line by line (money in fen). */
export type OwedLine = {
  caseId: string;
  programme: Programme;
  reason: 'MONTHLY' | 'ONE_OFF' | 'GRADUATION_GRANT';
  /** the month the money is for */
  forMonth: YearMonth;
  amountFen: Fen;
  /** MONTHLY and GRADUATION_GRANT: the category whose standard was paid */
  category?: ChildCategory;
};

export type OwedOptions = {
  /** forecasts: a known expected graduation ends protection with its grant, as a recorded one does */
  expectedGraduations?: boolean;
};

/**
 * "a month is paid in full when protection and the programme are both in force on its first day,
 * at the standard in force that day"; one-off grants in the month of their day, the graduation
 * grant in the month of graduation. Lines by programme: monthly, one-off, grant.
 */
export function owedForMonth(
  t: CaseTimeline,
  month: YearMonth,
  standards: StandardLookup,
  options: OwedOptions = {},
): OwedLine[] {
  const firstDay = firstDayOfMonth(month);
  const lines: OwedLine[] = [];
  for (const programme of t.policy.monthlyProgrammes) {
    const inForce = t.programmes.some(
      (p) => p.programme === programme && !p.oneOff && inForceOn(t, p, firstDay),
    );
    const allowance = inForce ? allowanceOn(t, firstDay, standards, programme) : null;
    if (allowance !== null)
      lines.push({ caseId: t.caseId, programme, reason: 'MONTHLY', forMonth: month, ...allowance });
  }
  for (const p of t.programmes)
    if (p.oneOff && p.amountFen !== null && monthOf(p.from) === month && inForceOn(t, p, p.from))
      lines.push({
        caseId: t.caseId,
        programme: p.programme,
        reason: 'ONE_OFF',
        forMonth: month,
        amountFen: p.amountFen,
      });
  const grant = graduationGrant(t, standards, options);
  if (grant !== null && monthOf(grant.on) === month)
    lines.push({
      caseId: t.caseId,
      programme: 'BASIC_LIVING_ALLOWANCE',
      reason: 'GRADUATION_GRANT',
      forMonth: month,
      amountFen: grant.amountFen,
      category: grant.category,
    });
  return lines;
}

// "On graduation from extended protection a one-off grant of 6 months of basic living allowance
// (at the standard in force on the graduation date) is paid in the month of graduation"
export function graduationGrant(
  t: CaseTimeline,
  standards: StandardLookup,
  options: OwedOptions = {},
): { on: BusinessDate; amountFen: Fen; category: ChildCategory } | null {
  const end = t.protection.end;
  if (end === null || t.protection.extendedFrom === null || end.reason !== 'GRADUATED') return null;
  if (end.graduation !== 'RECORDED' && !options.expectedGraduations) return null;
  // from extended protection: the case was not closed the day before
  if (closedOn(t, addDays(end.on, -1))) return null;
  const allowance = allowanceOn(t, end.on, standards, 'BASIC_LIVING_ALLOWANCE');
  if (allowance === null) return null;
  const months = t.policy.graduationGrantMonths;
  return { on: end.on, amountFen: allowance.amountFen * months, category: allowance.category };
}

function allowanceOn(
  t: CaseTimeline,
  day: BusinessDate,
  standards: StandardLookup,
  programme: Programme,
) {
  const child = { regionCode: regionOn(t, day), categories: categoriesOn(t, day) };
  return monthlyAllowanceFen(child, day, standards, programme, t.policy);
}

/** Sum of lines, in fen. */
export function sumFen(lines: readonly { amountFen: Fen }[]): Fen {
  return lines.reduce((sum, line) => sum + line.amountFen, 0);
}

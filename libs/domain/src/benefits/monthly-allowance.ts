import { firstDayOfMonth, monthOf } from '../shared/dates';
import type { ChildCategory, PaymentReason, Programme } from '../shared/enums';
import type { BusinessDate, Fen, YearMonth } from '../shared/types';
import { DEFAULT_POLICY, type CasePolicy } from '../policy/case-policy';
import { eligibleCategoriesFor } from '../policy/eligibility';
import type { StandardLookup } from '../standards/standard-in-force';
import {
  programmeInForceOn,
  protectedOn,
  type BenefitCase,
  type BenefitEntitlement,
} from './benefit-case';

export type Allowance = { amountFen: Fen; category: ChildCategory };

// "a child holding two eligible categories gets the higher standard, once"
export function monthlyAllowanceFen(
  child: Pick<BenefitCase, 'regionCode' | 'categories'>,
  date: BusinessDate,
  lookup: StandardLookup,
  programme: Programme = 'BASIC_LIVING_ALLOWANCE',
  policy: Pick<CasePolicy, 'eligibility'> = DEFAULT_POLICY,
): Allowance | null {
  let best: Allowance | null = null;
  for (const category of eligibleCategoriesFor(programme, child.categories, policy)) {
    const amountFen = lookup(child.regionCode, category, date);
    if (amountFen !== null && (best === null || amountFen > best.amountFen))
      best = { amountFen, category };
  }
  return best;
}

export type PaymentLine = {
  caseId: string;
  programme: Programme;
  amountFen: Fen;
  reason: PaymentReason;
  /** MONTHLY: the category whose standard was paid */
  category?: ChildCategory;
};

// "a month is paid in full when protection and the programme are both in force on its first day,
// at the standard in force that day"; one-off grants and graduation grants in their own month.
export function paymentLinesForMonth(
  c: BenefitCase,
  month: YearMonth,
  lookup: StandardLookup,
  policy: CasePolicy = DEFAULT_POLICY,
): PaymentLine[] {
  const firstDay = firstDayOfMonth(month);
  const lines: PaymentLine[] = [];
  if (protectedOn(c, firstDay)) {
    for (const programme of policy.monthlyProgrammes) {
      const inForce = c.programmes.some(
        (p) => p.programme === programme && !p.oneOff && programmeInForceOn(p, firstDay),
      );
      const allowance = inForce
        ? monthlyAllowanceFen(c, firstDay, lookup, programme, policy)
        : null;
      if (allowance !== null)
        lines.push({
          caseId: c.caseId,
          programme,
          amountFen: allowance.amountFen,
          reason: 'MONTHLY',
          category: allowance.category,
        });
    }
  }
  for (const p of c.programmes)
    if (p.oneOff && p.amountFen !== null && monthOf(p.from) === month)
      lines.push({
        caseId: c.caseId,
        programme: p.programme,
        amountFen: p.amountFen,
        reason: 'ONE_OFF',
      });
  for (const g of c.graduationGrants)
    if (g.month === month)
      lines.push({
        caseId: c.caseId,
        programme: 'BASIC_LIVING_ALLOWANCE',
        amountFen: g.amountFen,
        reason: 'GRADUATION_GRANT',
      });
  return lines;
}

/** The programmes in force on a date, with the rate, share and fast-track flag (`benefits`). */
export function entitlementsOn(
  c: BenefitCase,
  date: BusinessDate,
  lookup: StandardLookup,
  policy: CasePolicy = DEFAULT_POLICY,
): BenefitEntitlement[] {
  if (!protectedOn(c, date)) return [];
  return c.programmes
    .filter((p) => programmeInForceOn(p, date))
    .map((p) => ({
      programme: p.programme,
      from: p.from,
      to: p.to,
      monthlyAmountFen: policy.monthlyProgrammes.includes(p.programme)
        ? (monthlyAllowanceFen(c, date, lookup, p.programme, policy)?.amountFen ?? null)
        : null,
      amountFen: p.amountFen,
      coverageSharePercent: p.coverageSharePercent,
      fastTrack: p.fastTrack,
    }));
}

/** Sum of a roll's lines, in fen. */
export function totalFen(lines: readonly Pick<PaymentLine, 'amountFen'>[]): Fen {
  return lines.reduce((sum, line) => sum + line.amountFen, 0);
}

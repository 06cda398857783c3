import { STANDARD_STREAM_PREFIX } from '../shared/streams';
import { CHILD_CATEGORIES, isOneOf, type ChildCategory } from '../shared/enums';
import { MESSAGES } from '../shared/messages';
import { isFen } from '../shared/money';
import { FieldChecks } from '../shared/validation';
import type { CasePolicy } from '../policy/case-policy';
import type { Decider } from '../shared/decider';
import { monthlyAllowanceCategories } from '../policy/eligibility';
import { isRegionPrefix } from '../region/region-code';
import type { StandardCommand } from './standard.commands';
import type { BenefitStandard, StandardEvent } from './standard.events';

/** Every standard set in one stream (one region prefix + category), in order. */
export type StandardState = { standards: BenefitStandard[] };

export const initialStandardState = (): StandardState => ({ standards: [] });

/** The stream of the standards of one region prefix and category. */
export function benefitStandardStreamId(regionCode: string, category: ChildCategory): string {
  return `${STANDARD_STREAM_PREFIX}${regionCode}-${category}`;
}

export function evolveStandard(state: StandardState, event: StandardEvent): StandardState {
  switch (event.type) {
    case 'BenefitStandardSet':
      return { standards: [...state.standards, event.data] };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

/**
 * Sets a standard. Setting again the amount already in force from the same date is a no-op
 * (retries are harmless); another amount for the same date supersedes the earlier one.
 */
export function decideStandard(
  command: StandardCommand,
  state: StandardState,
  policy: CasePolicy,
): StandardEvent[] {
  const { regionCode, category, monthlyAmountFen, effectiveFrom } = command.data;
  const checks = new FieldChecks();
  checks.check(isRegionPrefix(regionCode), 'regionCode', MESSAGES.regionPrefix);
  if (
    checks.check(isOneOf(CHILD_CATEGORIES, category), 'category', MESSAGES.oneOf(CHILD_CATEGORIES))
  )
    checks.check(
      monthlyAllowanceCategories(policy).includes(category),
      'category',
      MESSAGES.noMonthlyAllowance(monthlyAllowanceCategories(policy)),
    );
  checks.check(isFen(monthlyAmountFen, 1), 'monthlyAmount', MESSAGES.positiveAmount);
  // an effective date: a standard is announced ahead of the day it applies from
  checks.date(effectiveFrom, 'effectiveFrom');
  checks.throwIfAny();

  const sameDay = state.standards.filter(
    (s) =>
      s.regionCode === regionCode && s.category === category && s.effectiveFrom === effectiveFrom,
  );
  if (sameDay.at(-1)?.monthlyAmountFen === monthlyAmountFen) return [];
  return [
    { type: 'BenefitStandardSet', data: { regionCode, category, monthlyAmountFen, effectiveFrom } },
  ];
}

/** The triple the command path runs, deciding under `policy` (the configured one). */
export function standardDecider(
  policy: CasePolicy,
): Decider<StandardState, StandardCommand, StandardEvent> {
  return {
    initialState: initialStandardState,
    evolve: evolveStandard,
    decide: (command, state) => decideStandard(command, state, policy),
  };
}

import { isValidDate } from '../shared/dates';
import { CHILD_CATEGORIES, isOneOf, type ChildCategory } from '../shared/enums';
import { ValidationFailed, type FieldError } from '../shared/errors';
import { isFen } from '../shared/money';
import { isRegionPrefix } from '../region/region-code';
import type { StandardCommand } from './standard.commands';
import type { BenefitStandard, StandardEvent } from './standard.events';

/** Every standard set in one stream (one region prefix + category), in order. */
export type StandardState = { standards: BenefitStandard[] };

export const initialStandardState = (): StandardState => ({ standards: [] });

/** The stream of the standards of one region prefix and category. */
export function benefitStandardStreamId(regionCode: string, category: ChildCategory): string {
  return `benefit-standard-${regionCode}-${category}`;
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
export function decideStandard(command: StandardCommand, state: StandardState): StandardEvent[] {
  const { regionCode, category, monthlyAmountFen, effectiveFrom } = command.data;
  const fields: FieldError[] = [];
  if (!isRegionPrefix(regionCode))
    fields.push({ field: 'regionCode', message: 'must be a 2, 4, 6, 9 or 12 digit region code' });
  if (!isOneOf(CHILD_CATEGORIES, category))
    fields.push({ field: 'category', message: 'unknown category' });
  if (!isFen(monthlyAmountFen, 1))
    fields.push({ field: 'monthlyAmount', message: 'must be a positive amount' });
  if (!isValidDate(effectiveFrom))
    fields.push({ field: 'effectiveFrom', message: 'must be a date YYYY-MM-DD' });
  if (fields.length > 0) throw new ValidationFailed(fields);

  const sameDay = state.standards.filter(
    (s) =>
      s.regionCode === regionCode && s.category === category && s.effectiveFrom === effectiveFrom,
  );
  if (sameDay.at(-1)?.monthlyAmountFen === monthlyAmountFen) return [];
  return [
    { type: 'BenefitStandardSet', data: { regionCode, category, monthlyAmountFen, effectiveFrom } },
  ];
}

export const standardDecider = {
  initialState: initialStandardState,
  evolve: evolveStandard,
  decide: decideStandard,
};

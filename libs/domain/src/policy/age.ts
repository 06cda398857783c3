import { addYears, compareDates } from '../shared/dates';
import type { BusinessDate } from '../shared/types';

// "protection ends on the 18th birthday" (29 February: 1 March in a common year); the age is
// policy data (CasePolicy.ageOfMajority), passed by every caller
export function eighteenthBirthday(birthDate: BusinessDate, ageOfMajority: number): BusinessDate {
  return addYears(birthDate, ageOfMajority);
}

/** Under 18 on `date`: the 18th birthday is still ahead. */
export function isMinorOn(
  birthDate: BusinessDate,
  date: BusinessDate,
  ageOfMajority: number,
): boolean {
  return compareDates(date, eighteenthBirthday(birthDate, ageOfMajority)) < 0;
}

/** Whole years of age on `date`. */
export function ageOn(birthDate: BusinessDate, date: BusinessDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return compareDates(date, addYears(birthDate, years)) >= 0 ? years : years - 1;
}

import { businessDateOf } from '../shared/dates';
import { CHILD_CATEGORIES, isOneOf } from '../shared/enums';
import { MESSAGES } from '../shared/messages';
import type { FieldChecks } from '../shared/validation';
import type { BusinessDate, DateTime } from '../shared/types';
import type { CaseFile } from './case.state';

/** A date-time of something done on the case: valid, not in the future, not before identification. */
export function checkCaseDateTime(
  checks: FieldChecks,
  value: DateTime,
  field: string,
  file: Pick<CaseFile, 'identifiedAt'>,
  now: DateTime,
): boolean {
  return (
    checks.pastDateTime(value, field, now) &&
    checks.check(
      businessDateOf(value) >= businessDateOf(file.identifiedAt),
      field,
      MESSAGES.beforeIdentification,
    )
  );
}

/** A business date on the case: valid and not before the child's birth. */
export function checkCaseDate(
  checks: FieldChecks,
  value: BusinessDate,
  field: string,
  file: Pick<CaseFile, 'birthDate'>,
): boolean {
  return (
    checks.date(value, field) && checks.check(value >= file.birthDate, field, MESSAGES.beforeBirth)
  );
}

/** A business date of what the case does (an enrolment): valid and not before identification. */
export function checkDateOfCase(
  checks: FieldChecks,
  value: BusinessDate,
  field: string,
  file: Pick<CaseFile, 'identifiedAt'>,
): boolean {
  return (
    checks.date(value, field) &&
    checks.check(value >= businessDateOf(file.identifiedAt), field, MESSAGES.beforeIdentification)
  );
}

/** A list of known categories; `atLeastOne` when determining them (a case is for someone). */
export function checkCategories(
  checks: FieldChecks,
  categories: unknown,
  field: string,
  { atLeastOne = false } = {},
): boolean {
  if (!checks.check(Array.isArray(categories), field, MESSAGES.list)) return false;
  const list = categories as unknown[];
  return (
    checks.check(
      list.every((c) => isOneOf(CHILD_CATEGORIES, c)),
      field,
      MESSAGES.oneOf(CHILD_CATEGORIES),
    ) && checks.check(!atLeastOne || list.length > 0, field, MESSAGES.atLeastOneCategory)
  );
}

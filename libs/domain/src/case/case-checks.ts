import { businessDateOf } from '../shared/dates';
import type { FieldChecks } from '../shared/validation';
import type { BusinessDate, DateTime } from '../shared/types';
import type { CaseFile } from './case.state';

/** A date-time of something done on the case: valid, not in the future, not before identification. */
export function checkCaseDateTime(
  checks: FieldChecks,
  value: DateTime,
  field: string,
  file: Pick<CaseFile, 'identifiedAt'>,
  today: BusinessDate,
): boolean {
  return (
    checks.pastDateTime(value, field, today) &&
    checks.check(
      businessDateOf(value) >= businessDateOf(file.identifiedAt),
      field,
      'is before the case was identified',
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
    checks.date(value, field) &&
    checks.check(value >= file.birthDate, field, 'is before the birth date')
  );
}

import { businessDateOf, isValidDate, isValidDateTime } from './dates';
import { ValidationFailed, type FieldError } from './errors';
import type { BusinessDate } from './types';

export const MAX_TEXT = 500;

/** Whether `text` holds at most `max` characters, counted as code points ("𠮷" is one, not two). */
export function fitsCharacters(text: string, max: number): boolean {
  if (text.length <= max) return true; // never more code points than UTF-16 units
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

/** Collects every bad field, then throws one ValidationFailed naming them all. */
export class FieldChecks {
  private readonly problems: FieldError[] = [];

  /** Records `message` for `field` unless `ok`; returns `ok` so later checks can depend on it. */
  check(ok: boolean, field: string, message: string): boolean {
    if (!ok && !this.problems.some((p) => p.field === field))
      this.problems.push({ field, message });
    return ok;
  }

  text(value: unknown, field: string, { required = true, max = MAX_TEXT } = {}): boolean {
    const blank = typeof value === 'string' && value.trim().length === 0;
    if (value === undefined || value === null || (blank && !required))
      return this.check(!required, field, 'is required');
    const ok = typeof value === 'string' && value.trim().length > 0 && fitsCharacters(value, max);
    return this.check(ok, field, `must be non-empty text of at most ${max} characters`);
  }

  date(value: unknown, field: string): value is BusinessDate {
    return this.check(isValidDate(value), field, 'must be a date YYYY-MM-DD');
  }

  dateTime(value: unknown, field: string): boolean {
    return this.check(isValidDateTime(value), field, 'must be an ISO-8601 date-time with offset');
  }

  /** A valid date-time whose business date is not after `today`. */
  pastDateTime(value: unknown, field: string, today: BusinessDate): boolean {
    return (
      this.dateTime(value, field) &&
      this.check(businessDateOf(value as string) <= today, field, 'must not be in the future')
    );
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new ValidationFailed([...this.problems]);
  }
}

/** Trimmed text, or null for absent/blank optional text. */
export function optionalText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed;
}

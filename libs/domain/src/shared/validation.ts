import { businessDateOf, isValidDate, isValidDateTime } from './dates';
import { ValidationFailed, type FieldError } from './errors';
import { textLength } from './limits';
import { MESSAGES } from './messages';
import type { BusinessDate, DateTime } from './types';

/**
 * How far ahead of the server's clock a date-time may lie and still be "now": a device clock a
 * few minutes fast records a visit that has happened, not one in the future.
 */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Text of at most `max` characters (code points); `required` text is not blank either. */
export function isText(value: unknown, max: number, required = true): value is string {
  if (typeof value !== 'string' || textLength(value) > max) return false;
  return !required || value.trim().length > 0;
}

// "no command may record something as having happened in the future"
export function isNotFutureDateTime(value: DateTime, now: DateTime): boolean {
  return Date.parse(value) <= Date.parse(now) + CLOCK_TOLERANCE_MS;
}

/** A business date not after today (China Standard Time) at `now`. */
export function isNotFutureDate(value: BusinessDate, now: DateTime): boolean {
  return value <= businessDateOf(now);
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

  /** Text of at most `max` characters; optional text may be absent or blank (it reads as none). */
  text(value: unknown, field: string, max: number, { required = true } = {}): boolean {
    const absent = value === undefined || value === null;
    if (absent) return this.check(!required, field, MESSAGES.required);
    if (!required) return this.check(isText(value, max, false), field, MESSAGES.optionalText(max));
    return this.check(isText(value, max), field, MESSAGES.text(max));
  }

  date(value: unknown, field: string): value is BusinessDate {
    return this.check(isValidDate(value), field, MESSAGES.date);
  }

  dateTime(value: unknown, field: string): value is DateTime {
    return this.check(isValidDateTime(value), field, MESSAGES.dateTime);
  }

  /** A valid date-time that has happened by `now`. */
  pastDateTime(value: unknown, field: string, now: DateTime): boolean {
    return (
      this.dateTime(value, field) &&
      this.check(isNotFutureDateTime(value, now), field, MESSAGES.notInFuture)
    );
  }

  /** A valid date not after today (China time) at `now`. */
  pastDate(value: unknown, field: string, now: DateTime): boolean {
    return (
      this.date(value, field) &&
      this.check(isNotFutureDate(value, now), field, MESSAGES.notInFuture)
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

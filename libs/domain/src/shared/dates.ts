import type { BusinessDate, DateTime, YearMonth } from './types';

/**
 * Pure date helpers on `YYYY-MM-DD` strings (proleptic Gregorian, no time zone). Business dates of
 * instants are taken in China Standard Time (UTC+08:00, no daylight saving), where all cases live.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const CHINA_OFFSET = '+08:00';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** A real calendar date in `YYYY-MM-DD` form (year 1900-9999). */
export function isValidDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO-8601 date-time with an explicit offset (`Z` or `±hh:mm`) and a real date. */
export function isValidDateTime(value: unknown): value is DateTime {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME.exec(value);
  return m !== null && isValidDate(m[1]) && !Number.isNaN(Date.parse(value));
}

export function isValidMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && MONTH.test(value) && Number(value.slice(0, 4)) >= 1900;
}

function toDayNumber(date: BusinessDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(day: number): BusinessDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Same day `years` later; 29 February falls on 1 March in a common year. */
export function addYears(date: BusinessDate, years: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeapYear(year)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function firstDayOfMonth(month: YearMonth): BusinessDate {
  return `${month}-01`;
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: YearMonth, count: number): YearMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

export function monthOf(date: BusinessDate): YearMonth {
  return date.slice(0, 7);
}

/**
 * The business date (China Standard Time) of an instant. One already written at +08:00 (as most
 * are) carries it: no Date is parsed and formatted, which was a twentieth of a command's time.
 */
export function businessDateOf(dateTime: DateTime): BusinessDate {
  if (dateTime.endsWith(CHINA_OFFSET)) return dateTime.slice(0, 10);
  return new Date(Date.parse(dateTime) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight China Standard Time at the start of a business date. */
export function startOfBusinessDay(date: BusinessDate): DateTime {
  return `${date}T00:00:00+08:00`;
}

/** Negative, zero or positive as instant a is before, at or after b (offsets honoured). */
export function compareDateTimes(a: DateTime, b: DateTime): number {
  return Date.parse(a) - Date.parse(b);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

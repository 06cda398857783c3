import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isValidDate, isValidDateTime, MESSAGES } from '@app/domain';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZERO = 48;

/** The number of the ASCII digits of `value` from `start` to `end`, or -1 if one is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = value.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * YYYY-MM-DD naming a day of the Gregorian calendar, years 0100 to 9999 (a two-digit year is
 * refused, as it always was). Checked by hand rather than by a regular expression and a Date:
 * every date of every answer goes through it.
 */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

export function isDateTimeWithOffset(value: string): boolean {
  const m = DATE_TIME.exec(value);
  return (
    !!m &&
    isCalendarDate(value.slice(0, 10)) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * A string scalar: what it answers is checked by `valid` (fast: every date of every answer goes
 * through it), what it is sent by the domain's rule, refused with the domain's message for it.
 */
function stringScalar(
  name: string,
  description: string,
  valid: (v: string) => boolean,
  input: { valid: (v: unknown) => boolean; message: string },
) {
  const refuse = (node?: ValueNode) =>
    new GraphQLError(input.message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
  const parse = (value: unknown, node?: ValueNode): string => {
    if (typeof value !== 'string' || !input.valid(value)) throw refuse(node);
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => {
      if (typeof value !== 'string' || !valid(value)) throw new GraphQLError(`not a ${name}`);
      return value;
    },
    parseValue: (value) => parse(value),
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined, ast),
  });
}

export const GraphQLDate = stringScalar(
  'Date',
  '日期 / calendar date, YYYY-MM-DD',
  isCalendarDate,
  { valid: isValidDate, message: MESSAGES.date },
);

export const GraphQLDateTime = stringScalar(
  'DateTime',
  '时间 / ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00+08:00',
  isDateTimeWithOffset,
  { valid: isValidDateTime, message: MESSAGES.dateTime },
);

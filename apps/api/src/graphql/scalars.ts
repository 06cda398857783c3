import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isDateTimeWithOffset(value: string): boolean {
  const m = DATE_TIME.exec(value);
  return (
    !!m &&
    isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    !Number.isNaN(Date.parse(value))
  );
}

function stringScalar(
  name: string,
  description: string,
  valid: (v: string) => boolean,
  expected: string,
) {
  const parse = (value: unknown, node?: ValueNode): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} must be ${expected}`, {
        nodes: node,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => parse(value),
    parseValue: (value) => parse(value),
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined, ast),
  });
}

export const GraphQLDate = stringScalar(
  'Date',
  '日期 / calendar date, YYYY-MM-DD',
  isCalendarDate,
  'a calendar date YYYY-MM-DD',
);

export const GraphQLDateTime = stringScalar(
  'DateTime',
  '时间 / ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00+08:00',
  isDateTimeWithOffset,
  'an ISO-8601 date-time with an offset',
);

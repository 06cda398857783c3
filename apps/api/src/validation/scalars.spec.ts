import fc from 'fast-check';
import { isCalendarDate, isDateTimeWithOffset } from './scalars';

/** The definition, written the slow way: a Date must give back the same year, month and day. */
function calendarDateByDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) =>
  fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0099-01-01', false],
    ['0100-01-01', true],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['２０２６-01-01', false],
    ['', false],
  ])('%s -> %s', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });

  it('agrees with the Date-based definition on every YYYY-MM-DD shape', () => {
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const value = `${y}-${m}-${d}`;
        expect(isCalendarDate(value)).toBe(calendarDateByDate(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with it on arbitrary strings too', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        expect(isCalendarDate(value)).toBe(calendarDateByDate(value));
      }),
    );
  });
});

describe('isDateTimeWithOffset', () => {
  it.each([
    ['2026-03-01T09:30:00+08:00', true],
    ['2026-03-01T09:30+08:00', true],
    ['2026-02-30T09:30:00Z', false],
    ['2026-03-01T24:00:00Z', false],
    ['2026-03-01T09:30:00', false],
  ])('%s -> %s', (value, valid) => {
    expect(isDateTimeWithOffset(value)).toBe(valid);
  });
});

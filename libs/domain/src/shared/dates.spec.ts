import {
  addDays,
  addYears,
  businessDateOf,
  compareDates,
  compareDateTimes,
  daysBetween,
  firstDayOfMonth,
  isValidDate,
  isValidDateTime,
  isValidMonth,
  monthOf,
} from './dates';

describe('business dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-01')).toBe(false);
    expect(isValidDate(20260101)).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });

  it('puts the 18th birthday of a 29 February child on 1 March in a common year', () => {
    expect(addYears('2008-02-29', 18)).toBe('2026-03-01');
    expect(addYears('2008-02-29', 16)).toBe('2024-02-29');
    expect(addYears('2008-05-10', 18)).toBe('2026-05-10');
  });

  it('compares and cuts months', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(firstDayOfMonth('2026-03')).toBe('2026-03-01');
    expect(monthOf('2026-03-17')).toBe('2026-03');
    expect(isValidMonth('2026-12')).toBe(true);
    expect(isValidMonth('2026-13')).toBe(false);
  });
});

describe('date-times', () => {
  it('requires an offset and a real date', () => {
    expect(isValidDateTime('2026-03-01T09:30:00+08:00')).toBe(true);
    expect(isValidDateTime('2026-03-01T09:30:00.123Z')).toBe(true);
    expect(isValidDateTime('2026-03-01T09:30')).toBe(false);
    expect(isValidDateTime('2026-02-30T09:30:00Z')).toBe(false);
    expect(isValidDateTime('2026-03-01')).toBe(false);
  });

  it('takes the business date in China time', () => {
    expect(businessDateOf('2026-03-01T17:00:00Z')).toBe('2026-03-02');
    expect(businessDateOf('2026-03-01T15:59:59Z')).toBe('2026-03-01');
    expect(businessDateOf('2026-03-01T00:30:00+08:00')).toBe('2026-03-01');
    expect(businessDateOf('2026-03-01T23:59:59.999+08:00')).toBe('2026-03-01');
    expect(businessDateOf('2026-03-01T12:00:00-12:00')).toBe('2026-03-02');
    expect(businessDateOf('2026-03-01T01:00:00+09:00')).toBe('2026-03-01');
  });

  it('compares instants across offsets', () => {
    expect(compareDateTimes('2026-03-01T08:00:00+08:00', '2026-03-01T00:00:00Z')).toBe(0);
    expect(compareDateTimes('2026-03-01T09:00:00+08:00', '2026-03-01T00:00:00Z')).toBeGreaterThan(
      0,
    );
  });
});

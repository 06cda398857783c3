import { DEFAULT_POLICY } from './case-policy';
import { isRiskScore, isVisitOverdue, nextVisitDue, riskLevelOf } from './risk';

describe('four-colour risk level', () => {
  it.each([
    [[3, 0, 0], 'RED'],
    [[0, 0, 3], 'RED'],
    [[2, 3, 1], 'RED'],
    [[2, 2, 1], 'YELLOW'],
    [[0, 2, 0], 'YELLOW'],
    [[1, 1, 1], 'BLUE'],
    [[0, 0, 1], 'BLUE'],
    [[0, 0, 0], 'GREEN'],
  ] as const)('scores %p give %s', (scores, level) => {
    expect(riskLevelOf([...scores])).toBe(level);
  });

  it('accepts integer scores 0 to 3 only', () => {
    expect([0, 1, 2, 3].every(isRiskScore)).toBe(true);
    expect([4, -1, 1.5, '2', null].some(isRiskScore)).toBe(false);
  });
});

describe('next visit due', () => {
  const assessedAt = '2026-03-01T10:00:00+08:00';

  it.each([
    ['RED', '2026-03-08'],
    ['YELLOW', '2026-03-16'],
    ['BLUE', '2026-03-31'],
    ['GREEN', '2026-05-30'],
  ] as const)('counts from the assessment when no visit yet (%s)', (riskLevel, due) => {
    expect(nextVisitDue({ riskLevel, assessedAt, lastVisitAt: null }, DEFAULT_POLICY)).toBe(due);
  });

  it('counts from the last visit when later than the assessment', () => {
    const clock = {
      riskLevel: 'RED' as const,
      assessedAt,
      lastVisitAt: '2026-03-05T16:00:00+08:00',
    };
    expect(nextVisitDue(clock, DEFAULT_POLICY)).toBe('2026-03-12');
  });

  it('counts from a re-assessment after the last visit', () => {
    const clock = {
      riskLevel: 'YELLOW' as const,
      assessedAt: '2026-03-20T09:00:00+08:00',
      lastVisitAt: '2026-03-05T16:00:00+08:00',
    };
    expect(nextVisitDue(clock, DEFAULT_POLICY)).toBe('2026-04-04');
  });

  it('has no due date before an assessment', () => {
    expect(
      nextVisitDue({ riskLevel: null, assessedAt: null, lastVisitAt: null }, DEFAULT_POLICY),
    ).toBeNull();
  });

  it('takes the intervals from policy data', () => {
    const policy = { visitIntervalDays: { ...DEFAULT_POLICY.visitIntervalDays, RED: 3 } };
    expect(nextVisitDue({ riskLevel: 'RED', assessedAt, lastVisitAt: null }, policy)).toBe(
      '2026-03-04',
    );
  });

  it('is overdue only after the due date', () => {
    const clock = { riskLevel: 'RED' as const, assessedAt, lastVisitAt: null };
    expect(isVisitOverdue(clock, '2026-03-08', DEFAULT_POLICY)).toBe(false);
    expect(isVisitOverdue(clock, '2026-03-09', DEFAULT_POLICY)).toBe(true);
  });
});

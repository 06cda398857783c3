import { addDays, businessDateOf, compareDateTimes } from '../shared/dates';
import type { RiskLevel, RiskScore } from '../shared/enums';
import type { BusinessDate, DateTime } from '../shared/types';
import type { CasePolicy } from './case-policy';

// "three dimensions, guardianship risk, living risk, behaviour risk, each scored 0-3"
export function isRiskScore(value: unknown): value is RiskScore {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3;
}

// "RED if any dimension is 3, YELLOW if the highest is 2, BLUE if 1, GREEN if all 0"
export function riskLevelOf(scores: readonly RiskScore[]): RiskLevel {
  const highest = Math.max(0, ...scores);
  return highest >= 3 ? 'RED' : highest === 2 ? 'YELLOW' : highest === 1 ? 'BLUE' : 'GREEN';
}

export type VisitClock = {
  riskLevel: RiskLevel | null;
  assessedAt: DateTime | null;
  lastVisitAt: DateTime | null;
};

// "Default follow-up visit interval: RED 7 days, YELLOW 15, BLUE 30, GREEN 90 (policy data)"
export function nextVisitDue(
  clock: VisitClock,
  policy: Pick<CasePolicy, 'visitIntervalDays'>,
): BusinessDate | null {
  if (clock.riskLevel === null) return null;
  const since = latest(clock.lastVisitAt, clock.assessedAt);
  if (since === null) return null;
  return addDays(businessDateOf(since), policy.visitIntervalDays[clock.riskLevel]);
}

/** A visit is overdue when its due date is before `asOf`. */
export function isVisitOverdue(
  clock: VisitClock,
  asOf: BusinessDate,
  policy: Pick<CasePolicy, 'visitIntervalDays'>,
): boolean {
  const due = nextVisitDue(clock, policy);
  return due !== null && due < asOf;
}

function latest(a: DateTime | null, b: DateTime | null): DateTime | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareDateTimes(a, b) >= 0 ? a : b;
}

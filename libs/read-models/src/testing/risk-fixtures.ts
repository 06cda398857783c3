import { DEFAULT_POLICY, type CasePolicy } from '@app/domain';

/** An AssessRisk input that colours a case (so its next visit date needs the policy). */
export const ASSESSED_RISK = {
  guardianshipRisk: 1,
  livingRisk: 2,
  behaviourRisk: 0,
  assessedAt: '2026-11-01T09:00:00+08:00',
};

/** A policy that cannot say when the next visit is due: no row of an assessed case can be derived. */
export function policyWithoutVisitIntervals(): CasePolicy {
  return Object.defineProperty({ ...DEFAULT_POLICY }, 'visitIntervalDays', {
    get: () => {
      throw new Error('no visit intervals');
    },
  });
}

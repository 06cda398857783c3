import {
  monthlyAllowanceFen,
  type BenefitCase,
  type CasePolicy,
  type StandardLookup,
} from '@app/domain';
import type { ProgrammeRow } from '../read-model-store.port';

/** A programme as the `Case` shows it: money in fen, at the standard of the day asked. */
export type EntitlementView = {
  programme: ProgrammeRow['programme'];
  from: string;
  to: string | null;
  /** monthly programmes: the rate; one-off programmes: the amount granted */
  amountFen: number | null;
  coverageSharePercent: number | null;
  fastTrack: boolean;
};

/**
 * Every enrolment of a case. A monthly programme shows the rate of `today`, or of its last day when
 * it has ended, or of its first day when it has not started.
 */
export function enrolmentViews(
  child: Pick<BenefitCase, 'regionCode' | 'categories'>,
  programmes: readonly ProgrammeRow[],
  today: string,
  lookup: StandardLookup,
  policy: CasePolicy,
): EntitlementView[] {
  return programmes.map((p) => {
    const day = p.to !== null && p.to < today ? p.to : p.from > today ? p.from : today;
    const monthly = policy.monthlyProgrammes.includes(p.programme)
      ? (monthlyAllowanceFen(child, day, lookup, p.programme, policy)?.amountFen ?? null)
      : null;
    return {
      programme: p.programme,
      from: p.from,
      to: p.to,
      amountFen: p.oneOff ? p.amountFen : monthly,
      coverageSharePercent: p.coverageSharePercent,
      fastTrack: p.fastTrack,
    };
  });
}

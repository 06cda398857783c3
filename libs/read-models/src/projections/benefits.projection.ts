import type {
  CaseSnapshot,
  GraduationGrantRow,
  ProgrammeRow,
  ProtectionPeriodRow,
} from '../read-model-store.port';

export const BENEFITS = 'benefits';

export type BenefitRows = {
  programmes: ProgrammeRow[];
  periods: ProtectionPeriodRow[];
  grants: GraduationGrantRow[];
};

/**
 * Enrolment periods, protection periods and graduation grants of a case: pure. Amounts are not
 * stored; they come from the standards in force when asked (a standard may be set after enrolment).
 */
export function benefitRows({ state }: CaseSnapshot): BenefitRows {
  const caseId = state.id;
  return {
    programmes: state.programmes.map((p, seq) => ({
      caseId,
      seq,
      programme: p.programme,
      from: p.from,
      to: p.to,
      fastTrack: p.fastTrack,
      amountFen: p.amountFen,
      coverageSharePercent: p.coverageSharePercent,
      oneOff: p.oneOff,
      endReason: p.endReason,
    })),
    periods: state.protectionPeriods.map((p, seq) => ({ caseId, seq, from: p.from, to: p.to })),
    grants: state.graduationGrants.map((g, seq) => ({
      caseId,
      seq,
      graduatedOn: g.graduatedOn,
      month: g.month,
      amountFen: g.amountFen,
    })),
  };
}

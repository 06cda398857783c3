import { maskIdNumber } from '../identity/id-number';
import { DEFAULT_POLICY, type CasePolicy } from '../policy/case-policy';
import { nextVisitDue } from '../policy/risk';
import type { ChildCategory, GuardianKind, RiskLevel, CaseStatus } from '../shared/enums';
import type { BusinessDate } from '../shared/types';
import type { ExistingCase, ProgrammeEntry } from './case.state';

/** The `Case` of CONTRACT.md as plain data (money still in fen; revision added by the caller). */
export type CaseView = {
  id: string;
  status: CaseStatus;
  regionCode: string;
  categories: ChildCategory[];
  riskLevel: RiskLevel | null;
  birthDate: BusinessDate;
  child: { name: string; idNumber: string; idNumberMasked: string };
  guardian: { kind: GuardianKind; name: string } | null;
  caseworkerId: string | null;
  programmes: ProgrammeEntry[];
  nextVisitDue: BusinessDate | null;
  categoryRedeterminationNeeded: boolean;
};

export function caseView(state: ExistingCase, policy: CasePolicy = DEFAULT_POLICY): CaseView {
  return {
    id: state.id,
    status: state.status,
    regionCode: state.regionCode,
    categories: state.categories,
    riskLevel: state.riskLevel,
    birthDate: state.birthDate,
    child: { ...state.child, idNumberMasked: maskIdNumber(state.child.idNumber) },
    guardian: state.guardian && { kind: state.guardian.kind, name: state.guardian.name },
    caseworkerId: state.caseworkerId,
    programmes: state.programmes,
    nextVisitDue: nextVisitDue(state, policy),
    categoryRedeterminationNeeded: state.categoryRedeterminationNeeded,
  };
}

/** The event stream of a case. Never built from personal information. */
export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}

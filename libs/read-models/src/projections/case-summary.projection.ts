import { eighteenthBirthday, nextVisitDue, type CasePolicy } from '@app/domain';
import type { CaseRow, CaseSnapshot } from '../read-model-store.port';

export const CASE_SUMMARY = 'case-summary';

/** The summary row of a case (`case`, `cases`, `caseload`): pure. */
export function caseSummaryRow(
  { state, revision, position }: CaseSnapshot,
  policy: CasePolicy,
): CaseRow {
  return {
    caseId: state.id,
    regionCode: state.regionCode,
    riskLevel: state.riskLevel,
    caseworkerId: state.caseworkerId,
    birthDate: state.birthDate,
    eighteenthBirthday: eighteenthBirthday(state.birthDate, policy.ageOfMajority),
    nextVisitDue: nextVisitDue(state, policy),
    identifiedAt: new Date(state.identifiedAt).toISOString(),
    categories: [...state.categories],
    childName: state.child.name,
    idNumber: state.child.idNumber,
    guardian: state.guardian && {
      kind: state.guardian.kind,
      name: state.guardian.name,
      relation: state.guardian.relation ?? null,
    },
    revision,
    position,
  };
}

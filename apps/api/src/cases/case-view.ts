import {
  caseView,
  formatYuan,
  type CasePolicy,
  type Entitlement,
  type ExistingCase,
  type StandardLookup,
} from '@app/domain';
import type { BenefitEntitlement, Case } from './graphql/case.types';

const fmt = (fen: number | null): string | null => (fen === null ? null : formatYuan(fen));

/** A programme as GraphQL shows it (yuan strings). */
export function toBenefitEntitlement(e: Entitlement): BenefitEntitlement {
  return {
    programme: e.programme,
    from: e.from,
    to: e.to,
    monthlyAmount: fmt(e.monthlyAmountFen),
    amount: fmt(e.amountFen),
    coverageShare: e.coverageSharePercent,
    fastTrack: e.fastTrack,
  };
}

/** The GraphQL Case of a folded case state, as in force on `on`. */
export function toCaseView(
  state: ExistingCase,
  revision: number,
  standards: StandardLookup,
  on: string,
  policy: CasePolicy,
): Case {
  const view = caseView(state, on, standards, policy);
  return {
    id: view.id,
    status: view.status,
    regionCode: view.regionCode,
    categories: [...view.categories],
    riskLevel: view.riskLevel,
    birthDate: view.birthDate,
    child: {
      caseId: view.id,
      regionCode: view.regionCode,
      fullName: view.child.name,
      fullIdNumber: view.child.idNumber,
      idNumberMasked: view.child.idNumberMasked,
    },
    guardian: view.guardian && {
      caseId: view.id,
      regionCode: view.regionCode,
      kind: view.guardian.kind,
      fullName: view.guardian.name,
      relation: view.guardian.relation ?? null,
    },
    caseworkerId: view.caseworkerId,
    programmes: view.programmes.map(toBenefitEntitlement),
    nextVisitDue: view.nextVisitDue,
    erased: view.erased,
    revision,
    riskScores: view.riskScores && {
      guardianship: view.riskScores.guardianshipRisk,
      living: view.riskScores.livingRisk,
      behaviour: view.riskScores.behaviourRisk,
    },
    lastVisitAt: view.lastVisitAt,
    education: view.education && {
      level: view.education.level,
      fullTime: view.education.fullTime,
      expectedGraduation: view.education.expectedGraduation,
    },
    protectionEndsOn: view.protectionEndsOn,
    closedReason: view.closedReason,
    guardianshipActs: view.guardianshipActs.map((a) => ({ ...a })),
  };
}

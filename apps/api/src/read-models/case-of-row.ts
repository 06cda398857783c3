import { formatYuan, maskIdNumber, type Principal } from '@app/domain';
import type { CaseRow, EntitlementView, RegionPrefixes } from '@app/read-models';
import type { BenefitEntitlement, Case } from '../cases/graphql/case.types';

/**
 * The GraphQL Case of a summary row. `programmes` is left out on purpose: the Case.programmes
 * field resolver loads them for every case of a request in one read.
 */
export function caseOfRow(row: CaseRow): Case {
  const view: Omit<Case, 'programmes'> = {
    id: row.caseId,
    status: row.status,
    regionCode: row.regionCode,
    categories: row.categories,
    riskLevel: row.riskLevel,
    birthDate: row.birthDate,
    child: {
      caseId: row.caseId,
      regionCode: row.regionCode,
      fullName: row.childName,
      fullIdNumber: row.idNumber,
      idNumberMasked: maskIdNumber(row.idNumber),
    },
    guardian: row.guardian,
    caseworkerId: row.caseworkerId,
    nextVisitDue: row.nextVisitDue,
    revision: row.revision,
  };
  return view as Case;
}

export function entitlementOf(e: EntitlementView): BenefitEntitlement {
  return {
    programme: e.programme,
    from: e.from,
    to: e.to,
    monthlyAmount: e.amountFen === null ? null : formatYuan(e.amountFen),
    amount: null,
    coverageShare: e.coverageSharePercent,
    fastTrack: e.fastTrack,
  };
}

/** The reader's scope as region prefixes; null when it is everywhere. */
export function scopeOf(principal: Pick<Principal, 'regions'>): RegionPrefixes {
  return principal.regions.some((r) => r === '' || r === '*') ? null : principal.regions;
}

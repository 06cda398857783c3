import {
  caseView,
  formatYuan,
  monthlyAllowanceFen,
  type ExistingCase,
  type ProgrammeEntry,
  type StandardLookup,
} from '@app/domain';
import type { BenefitEntitlement, Case } from './graphql/case.types';

const fmt = (fen: number | null): string | null => (fen === null ? null : formatYuan(fen));

/** A programme as GraphQL shows it: the one-off amount, or the monthly rate in force on `on`. */
export function toBenefitEntitlement(
  entry: ProgrammeEntry,
  state: ExistingCase,
  standards: StandardLookup,
  on: string,
): BenefitEntitlement {
  const monthly = entry.oneOff ? null : monthlyAllowanceFen(state, on, standards, entry.programme);
  return {
    programme: entry.programme,
    from: entry.from,
    to: entry.to,
    monthlyAmount: fmt(entry.oneOff ? entry.amountFen : (monthly?.amountFen ?? null)),
    coverageShare: entry.coverageSharePercent,
    fastTrack: entry.fastTrack,
  };
}

/** The GraphQL Case of a folded case state (rates as of `on`). */
export function toCaseView(
  state: ExistingCase,
  revision: number,
  standards: StandardLookup,
  on: string,
): Case {
  const view = caseView(state);
  return {
    ...view,
    child: {
      caseId: view.id,
      regionCode: view.regionCode,
      fullName: view.child.name,
      fullIdNumber: view.child.idNumber,
      idNumberMasked: view.child.idNumberMasked,
    },
    guardian: view.guardian && { ...view.guardian, relation: state.guardian?.relation ?? null },
    programmes: state.programmes.map((p) => toBenefitEntitlement(p, state, standards, on)),
    revision,
  };
}

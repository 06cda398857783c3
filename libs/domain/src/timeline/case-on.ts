import { maskIdNumber } from '../identity/id-number';
import { nextVisitDue } from '../policy/risk';
import type { CaseStatus, ChildCategory, RiskLevel } from '../shared/enums';
import type { BusinessDate } from '../shared/types';
import type { StandardLookup } from '../standards/standard-in-force';
import type { Guardian } from '../case/case.events';
import type { ExistingCase, RiskScores } from '../case/case.state';
import type { EducationSpell, RecordedAgencyAct } from '../case/case-history';
import type { CasePolicy } from '../policy/case-policy';
import { categoriesOn, guardianOn, statusOn, timelineOf } from './case-timeline';
import { enrolmentsOn, type Entitlement } from './entitlements';
import { closureOn, educationOn } from './facts-on';

/** The `Case` of CONTRACT.md on a date, as plain data (money still in fen; revision added later). */
export type CaseView = {
  id: string;
  status: CaseStatus;
  regionCode: string;
  categories: readonly ChildCategory[];
  riskLevel: RiskLevel | null;
  birthDate: BusinessDate;
  child: { name: string | null; idNumber: string | null; idNumberMasked: string };
  guardian: Guardian | null;
  caseworkerId: string | null;
  programmes: Entitlement[];
  nextVisitDue: BusinessDate | null;
  /** the 18th birthday, or the known end of an extension; null while an extension runs on */
  protectionEndsOn: BusinessDate | null;
  categoryRedeterminationNeeded: boolean;
  /** the personal information was erased: the child's and guardians' names read null */
  erased: boolean;
  /** the latest assessment's scores */
  riskScores: RiskScores | null;
  lastVisitAt: string | null;
  /** the education on record that day */
  education: EducationSpell | null;
  /** the reason the close in force that day gave; null when not closed that day */
  closedReason: string | null;
  /** every court and procuratorate act recorded, in the order recorded */
  guardianshipActs: readonly RecordedAgencyAct[];
};

/** What `idNumberMasked` reads once the ID number was erased. */
const ERASED_ID_NUMBER = '*'.repeat(18);

/**
 * The case as in force on `date`: status, categories, guardian and programmes from the timeline,
 * so no answer depends on whether the age-out review has run yet.
 */
export function caseView(
  state: ExistingCase,
  date: BusinessDate,
  standards: StandardLookup,
  policy: CasePolicy,
): CaseView {
  const t = timelineOf(state, policy);
  return {
    id: state.id,
    status: statusOn(t, date) ?? 'IDENTIFIED',
    regionCode: state.regionCode,
    categories: categoriesOn(t, date),
    riskLevel: state.riskLevel,
    birthDate: state.birthDate,
    child: {
      ...state.child,
      idNumberMasked:
        state.child.idNumber === null ? ERASED_ID_NUMBER : maskIdNumber(state.child.idNumber),
    },
    guardian: guardianOn(t, date),
    caseworkerId: state.caseworkerId,
    programmes: enrolmentsOn(t, date, standards),
    nextVisitDue: nextVisitDue(state, policy),
    protectionEndsOn: t.protection.end?.on ?? null,
    categoryRedeterminationNeeded: state.categoryRedeterminationNeeded,
    erased: state.erased,
    riskScores: state.scores,
    lastVisitAt: state.lastVisitAt,
    education: educationOn(t, date),
    closedReason: closureOn(t, date)?.reason ?? null,
    guardianshipActs: state.history.agencyActs,
  };
}

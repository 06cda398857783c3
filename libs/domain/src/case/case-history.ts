import { businessDateOf } from '../shared/dates';
import type { AgencyAct, ChildCategory, EducationLevel } from '../shared/enums';
import type { BusinessDate } from '../shared/types';
import type {
  AgencyActData,
  CaseEvent,
  CategoriesDetermined,
  Guardian,
  GuardianAct,
} from './case.events';

/** Categories held from a date on (a determination, or the identification's). */
export type DatedCategories = { from: BusinessDate; categories: readonly ChildCategory[] };

/** The village a case belongs to from a date on (identification, then each transfer). */
export type DatedRegion = { from: BusinessDate; regionCode: string };

/** An education record from its date on; `graduatedOn` once a graduation is recorded for it. */
export type EducationSpell = {
  from: BusinessDate;
  level: EducationLevel;
  fullTime: boolean;
  expectedGraduation: BusinessDate | null;
  graduatedOn: BusinessDate | null;
};

/**
 * A closure from its date; `to` the date of the reopening (exclusive), null while closed;
 * `reason` as the close gave it.
 */
export type Closure = { from: BusinessDate; to: BusinessDate | null; reason: string };

/** A court's or procuratorate's act as recorded (no names of persons: no guardian, no petitioner). */
export type RecordedAgencyAct = Pick<
  AgencyActData,
  'docketNumber' | 'agency' | 'decidedOn' | 'effectiveOn'
> & { act: AgencyActType };

/** The agency acts of CONTRACT.md's agency API, by the event that records each. */
export const AGENCY_ACT_OF_EVENT = {
  RevocationPetitioned: 'REVOCATION_PETITIONED',
  ProcuratorateSupportFiled: 'PROCURATORATE_SUPPORT_FILED',
  GuardianshipRevoked: 'GUARDIANSHIP_REVOKED',
  GuardianAppointed: 'GUARDIAN_APPOINTED',
  GuardianshipRestored: 'GUARDIANSHIP_RESTORED',
} as const satisfies Partial<Record<CaseEvent['type'], AgencyAct>>;
type AgencyActType = (typeof AGENCY_ACT_OF_EVENT)[keyof typeof AGENCY_ACT_OF_EVENT];

/**
 * The dated facts of a case, in stream order, each with the business date it takes effect: what
 * the timeline (`timelineOf`) reads to say what was in force on any date. Part of the fold.
 */
export type CaseHistory = {
  identifiedOn: BusinessDate;
  /** earliest assessment date, null before the first */
  assessedOn: BusinessDate | null;
  regions: DatedRegion[];
  categories: DatedCategories[];
  education: EducationSpell[];
  closures: Closure[];
  /** the guardian at identification: the one recorded, else the parents by law */
  initialGuardian: Guardian | null;
  initialGuardianOnRecord: boolean;
  /**
   * what changes the guardian, in stream order: court acts (in force from their `effectiveOn`)
   * and determinations (the guardian by law follows the categories, from `determinedAt`)
   */
  guardianEvents: (GuardianAct | CategoriesDetermined)[];
  /** every court and procuratorate act, in stream order */
  agencyActs: RecordedAgencyAct[];
};

export function initialHistory(file: {
  identifiedAt: string;
  regionCode: string;
  categories: readonly ChildCategory[];
  guardian: Guardian | null;
  guardianOnRecord: boolean;
}): CaseHistory {
  const identifiedOn = businessDateOf(file.identifiedAt);
  return {
    identifiedOn,
    assessedOn: null,
    regions: [{ from: identifiedOn, regionCode: file.regionCode }],
    categories: [{ from: identifiedOn, categories: [...file.categories] }],
    education: [],
    closures: [],
    initialGuardian: file.guardian,
    initialGuardianOnRecord: file.guardianOnRecord,
    guardianEvents: [],
    agencyActs: [],
  };
}

/** Folds one event into the history; the same object when the event dates nothing. Pure. */
export function evolveHistory(h: CaseHistory, event: CaseEvent): CaseHistory {
  switch (event.type) {
    case 'CategoriesDetermined': {
      const from = businessDateOf(event.data.determinedAt);
      return {
        ...h,
        categories: [...h.categories, { from, categories: event.data.categories }],
        guardianEvents: [...h.guardianEvents, event],
      };
    }
    case 'RiskAssessed': {
      const on = businessDateOf(event.data.assessedAt);
      return h.assessedOn !== null && h.assessedOn <= on ? h : { ...h, assessedOn: on };
    }
    case 'EducationRecorded': {
      const { level, fullTime, expectedGraduation, recordedAt } = event.data;
      const spell = { from: businessDateOf(recordedAt), level, fullTime, expectedGraduation };
      return { ...h, education: [...h.education, { ...spell, graduatedOn: null }] };
    }
    case 'GraduationRecorded': {
      // a graduation ends the study last recorded
      const last = h.education.at(-1);
      if (last === undefined) return h;
      const graduated = { ...last, graduatedOn: event.data.graduatedOn };
      return { ...h, education: [...h.education.slice(0, -1), graduated] };
    }
    case 'CaseTransferred': {
      const from = businessDateOf(event.data.transferredAt);
      return { ...h, regions: [...h.regions, { from, regionCode: event.data.toRegionCode }] };
    }
    case 'CaseClosed':
      return {
        ...h,
        closures: [
          ...h.closures,
          { from: businessDateOf(event.data.closedAt), to: null, reason: event.data.reason },
        ],
      };
    case 'CaseReopened': {
      const to = businessDateOf(event.data.reopenedAt);
      return { ...h, closures: h.closures.map((c) => (c.to === null ? { ...c, to } : c)) };
    }
    case 'RevocationPetitioned':
    case 'ProcuratorateSupportFiled':
      return withAct(h, event);
    case 'GuardianshipRevoked':
    case 'GuardianAppointed':
    case 'GuardianshipRestored':
      return withAct({ ...h, guardianEvents: [...h.guardianEvents, event] }, event);
    default:
      return h;
  }
}

function withAct(
  h: CaseHistory,
  event: Extract<CaseEvent, { type: keyof typeof AGENCY_ACT_OF_EVENT }>,
): CaseHistory {
  const { docketNumber, agency, decidedOn, effectiveOn } = event.data;
  const act = {
    act: AGENCY_ACT_OF_EVENT[event.type],
    docketNumber,
    agency,
    decidedOn,
    effectiveOn,
  };
  return { ...h, agencyActs: [...h.agencyActs, act] };
}

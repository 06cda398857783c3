import type { Event } from '../shared/event';
import type {
  ChildCategory,
  CorrectableField,
  CrisisKind,
  EducationLevel,
  GuardianKind,
  IdentificationSource,
  Programme,
  ProtectionEndReason,
  RiskLevel,
  RiskScore,
} from '../shared/enums';
import type { BusinessDate, DateTime, Fen, YearMonth } from '../shared/types';
import type { SignalEvent } from '../monitoring/signals';

/** Personal information is `null` once erased (read back after `PersonalInformationErased`). */
export type Child = { name: string | null; idNumber: string | null };
/**
 * A guardian as recorded; `relation` e.g. "grandmother" (free text). `byLaw`: the parents as
 * guardians by law, held while the file records no guardian (see guardianship/guardian-by-law).
 */
export type Guardian = {
  kind: GuardianKind;
  /** null once erased */
  name: string | null;
  relation: string | null;
  byLaw?: true;
};

export type ChildIdentified = Event<
  'ChildIdentified',
  {
    caseId: string;
    child: Child;
    /** taken from the ID number */
    birthDate: BusinessDate;
    /** 12-digit village/community code */
    regionCode: string;
    source: IdentificationSource;
    sourceDetail: string | null;
    identifiedAt: DateTime;
    /** actor id of whoever found the child */
    identifiedBy: string;
    categories: ChildCategory[];
    /** null: no guardian known (an orphan has none until one is appointed) */
    guardian: Guardian | null;
  }
>;

export type RiskAssessed = Event<
  'RiskAssessed',
  {
    guardianshipRisk: RiskScore;
    livingRisk: RiskScore;
    behaviourRisk: RiskScore;
    level: RiskLevel;
    assessedAt: DateTime;
    notes: string | null;
  }
>;

export type CategoriesDetermined = Event<
  'CategoriesDetermined',
  { categories: ChildCategory[]; determinedAt: DateTime }
>;

export type ProgrammeEnrolled = Event<
  'ProgrammeEnrolled',
  {
    programme: Programme;
    effectiveFrom: BusinessDate;
    /** 先行救助: paid first, reviewed after (TEMPORARY_ASSISTANCE only) */
    fastTrack: boolean;
    /** one-off programmes (TEMPORARY_ASSISTANCE) only */
    amountFen?: Fen;
    /** MEDICAL_ASSISTANCE only: share of eligible costs covered, from the categories at enrolment */
    coverageSharePercent?: number;
  }
>;

export type ProgrammeEnded = Event<
  'ProgrammeEnded',
  {
    programme: Programme;
    /** last day the programme is in force (inclusive) */
    effectiveTo: BusinessDate;
    reason: string;
  }
>;

export type EducationRecorded = Event<
  'EducationRecorded',
  {
    level: EducationLevel;
    fullTime: boolean;
    expectedGraduation: BusinessDate | null;
    recordedAt: DateTime;
  }
>;

export type GraduationRecorded = Event<'GraduationRecorded', { graduatedOn: BusinessDate }>;

/** Protection ended on the 18th birthday (no full-time education then). */
export type AgedOut = Event<'AgedOut', { on: BusinessDate; reviewedOn: BusinessDate }>;

/** Protection continues past the 18th birthday for full-time study. */
export type ProtectionExtended = Event<
  'ProtectionExtended',
  { from: BusinessDate; level: EducationLevel; reviewedOn: BusinessDate }
>;

/** Extended protection ended (graduation, leaving education, retake year over). */
export type ProtectionEnded = Event<
  'ProtectionEnded',
  { on: BusinessDate; reason: Exclude<ProtectionEndReason, 'EIGHTEENTH_BIRTHDAY'> }
>;

/** 6 x the basic-living standard in force on the graduation date, paid in the graduation month. */
export type GraduationGrantAwarded = Event<
  'GraduationGrantAwarded',
  {
    graduatedOn: BusinessDate;
    month: YearMonth;
    amountFen: Fen;
    monthlyStandardFen: Fen;
    months: number;
  }
>;

export type CaseworkerAssigned = Event<
  'CaseworkerAssigned',
  { caseworkerId: string; assignedAt: DateTime }
>;

export type VisitRecorded = Event<'VisitRecorded', { visitedAt: DateTime; notes: string | null }>;

export type CaseTransferred = Event<
  'CaseTransferred',
  { fromRegionCode: string; toRegionCode: string; transferredAt: DateTime }
>;

export type CaseClosed = Event<'CaseClosed', { reason: string; closedAt: DateTime }>;

export type CaseReopened = Event<'CaseReopened', { reason: string; reopenedAt: DateTime }>;

/** A correction is a new event naming what it corrects and why; nothing is edited. */
export type CaseCorrected = Event<
  'CaseCorrected',
  {
    field: CorrectableField;
    /** null once erased (name and idNumber corrections) */
    from: string | null;
    to: string | null;
    reason: string;
    /** revision of the event that recorded the wrong value */
    correctsRevision: number;
    correctedAt: DateTime;
  }
>;

/**
 * PIPL: a minor's personal information is deleted once its purpose is served. The case's data
 * key was destroyed; the event itself names no person.
 */
export type PersonalInformationErased = Event<
  'PersonalInformationErased',
  { reason: string; erasedAt: DateTime }
>;

// Guardianship (监护)

export type GuardianshipCrisisReported = Event<
  'GuardianshipCrisisReported',
  { kind: CrisisKind; reportedAt: DateTime; notes: string | null }
>;

export type GuardianUrged = Event<'GuardianUrged', { urgedAt: DateTime; notes: string | null }>;

/** What every court or procuratorate act carries. */
export type AgencyActData = {
  docketNumber: string;
  decidedOn: BusinessDate;
  /** business time of the act; may be earlier than the case's last event (late arrival) */
  effectiveOn: BusinessDate;
  /** name of the court / procuratorate */
  agency: string;
  notes: string | null;
};

export type RevocationPetitioned = Event<
  'RevocationPetitioned',
  AgencyActData & { petitioner: string | null }
>;

export type ProcuratorateSupportFiled = Event<'ProcuratorateSupportFiled', AgencyActData>;

export type GuardianshipRevoked = Event<
  'GuardianshipRevoked',
  AgencyActData & { revokedGuardian: Guardian; newGuardian: Guardian | null }
>;

export type GuardianAppointed = Event<
  'GuardianAppointed',
  AgencyActData & { newGuardian: Guardian }
>;

export type GuardianshipRestored = Event<
  'GuardianshipRestored',
  AgencyActData & { restoredGuardian: Guardian }
>;

export type GuardianshipEvent =
  | GuardianshipCrisisReported
  | GuardianUrged
  | RevocationPetitioned
  | ProcuratorateSupportFiled
  | GuardianshipRevoked
  | GuardianAppointed
  | GuardianshipRestored;

/** A court act that changes who the guardian is. */
export type GuardianAct = Extract<
  GuardianshipEvent,
  { type: 'GuardianshipRevoked' | 'GuardianAppointed' | 'GuardianshipRestored' }
>;

export type CaseEvent =
  | ChildIdentified
  | RiskAssessed
  | CategoriesDetermined
  | ProgrammeEnrolled
  | ProgrammeEnded
  | EducationRecorded
  | GraduationRecorded
  | AgedOut
  | ProtectionExtended
  | ProtectionEnded
  | GraduationGrantAwarded
  | CaseworkerAssigned
  | VisitRecorded
  | CaseTransferred
  | CaseClosed
  | CaseReopened
  | CaseCorrected
  | PersonalInformationErased
  | GuardianshipEvent
  | SignalEvent;

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES = [
  'ChildIdentified',
  'RiskAssessed',
  'CategoriesDetermined',
  'ProgrammeEnrolled',
  'ProgrammeEnded',
  'EducationRecorded',
  'GraduationRecorded',
  'AgedOut',
  'ProtectionExtended',
  'ProtectionEnded',
  'GraduationGrantAwarded',
  'CaseworkerAssigned',
  'VisitRecorded',
  'CaseTransferred',
  'CaseClosed',
  'CaseReopened',
  'CaseCorrected',
  'PersonalInformationErased',
  'GuardianshipCrisisReported',
  'GuardianUrged',
  'RevocationPetitioned',
  'ProcuratorateSupportFiled',
  'GuardianshipRevoked',
  'GuardianAppointed',
  'GuardianshipRestored',
  'MonitoringSignalRaised',
  'MonitoringSignalResolved',
] as const satisfies readonly CaseEventType[];

/** Event type for one `type` name. */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** Compile-time check that CASE_EVENT_TYPES lists every event type. */
type _AllListed =
  Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]> extends never ? true : never;
const _allListed: _AllListed = true;

import type { Command } from '../shared/event';
import type {
  AgencyAct,
  ChildCategory,
  CorrectableField,
  CrisisKind,
  EducationLevel,
  GuardianKind,
  IdentificationSource,
  Programme,
} from '../shared/enums';
import type { BusinessDate, DateTime, Fen } from '../shared/types';
import type { RaiseMonitoringSignals, ResolveSignal } from '../monitoring/signal-commands';

/**
 * One command per mutation of CONTRACT.md. `data` mirrors the GraphQL input (minus caseId), except
 * money, which is integer fen here (`amountFen`; errors still name the GraphQL field `amount`).
 * Numbers and enums are typed, but deciders re-validate: the values may come from untyped JSON.
 */

export type GuardianInput = { kind: GuardianKind; name: string; relation?: string | null };

export type IdentifyChild = Command<
  'IdentifyChild',
  {
    idNumber: string;
    name: string;
    regionCode: string;
    source: IdentificationSource;
    sourceDetail?: string | null;
    identifiedAt: DateTime;
    categories?: ChildCategory[];
    guardian?: GuardianInput | null;
  }
>;

export type AssessRisk = Command<
  'AssessRisk',
  {
    guardianshipRisk: number;
    livingRisk: number;
    behaviourRisk: number;
    assessedAt: DateTime;
    notes?: string | null;
  }
>;

export type DetermineCategories = Command<
  'DetermineCategories',
  { categories: ChildCategory[]; determinedAt: DateTime }
>;

export type EnrollInProgramme = Command<
  'EnrollInProgramme',
  {
    programme: Programme;
    effectiveFrom: BusinessDate;
    fastTrack?: boolean;
    /** one-off programmes only; GraphQL field `amount` */
    amountFen?: Fen | null;
  }
>;

export type EndProgramme = Command<
  'EndProgramme',
  { programme: Programme; effectiveTo: BusinessDate; reason: string }
>;

export type RecordEducation = Command<
  'RecordEducation',
  {
    level: EducationLevel;
    fullTime: boolean;
    expectedGraduation?: BusinessDate | null;
    recordedAt: DateTime;
  }
>;

export type RecordGraduation = Command<'RecordGraduation', { graduatedOn: BusinessDate }>;

export type AssignCaseworker = Command<'AssignCaseworker', { caseworkerId: string }>;

export type RecordVisit = Command<'RecordVisit', { visitedAt: DateTime; notes?: string | null }>;

export type TransferCase = Command<
  'TransferCase',
  { toRegionCode: string; transferredAt: DateTime }
>;

export type CloseCase = Command<'CloseCase', { reason: string; closedAt: DateTime }>;

export type ReopenCase = Command<'ReopenCase', { reason: string; reopenedAt: DateTime }>;

export type CorrectCase = Command<
  'CorrectCase',
  { field: CorrectableField; to: string; reason: string; correctsRevision: number }
>;

export type ErasePersonalInformation = Command<'ErasePersonalInformation', { reason: string }>;

/** Run by `runAgeOutReview` for each case; `grantStandardFen`: see age-out/review-age-out.ts. */
export type ReviewAgeOut = Command<
  'ReviewAgeOut',
  { asOf: BusinessDate; grantStandardFen?: Fen | null }
>;

export type ReportGuardianshipCrisis = Command<
  'ReportGuardianshipCrisis',
  { kind: CrisisKind; reportedAt: DateTime; notes?: string | null }
>;

export type UrgeGuardian = Command<'UrgeGuardian', { urgedAt: DateTime; notes?: string | null }>;

/** A court or procuratorate act from the agency API (the agency name comes from the actor). */
export type RecordGuardianshipAct = Command<
  'RecordGuardianshipAct',
  {
    act: AgencyAct;
    docketNumber: string;
    decidedOn: BusinessDate;
    effectiveOn: BusinessDate;
    newGuardian?: GuardianInput | null;
    notes?: string | null;
    /** REVOCATION_PETITIONED: who petitions (a person or organisation) */
    petitioner?: string | null;
  }
>;

export type CaseCommand =
  | IdentifyChild
  | AssessRisk
  | DetermineCategories
  | EnrollInProgramme
  | EndProgramme
  | RecordEducation
  | RecordGraduation
  | AssignCaseworker
  | RecordVisit
  | TransferCase
  | CloseCase
  | ReopenCase
  | CorrectCase
  | ErasePersonalInformation
  | ReviewAgeOut
  | ReportGuardianshipCrisis
  | UrgeGuardian
  | RecordGuardianshipAct
  | RaiseMonitoringSignals
  | ResolveSignal;

export type CaseCommandType = CaseCommand['type'];
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;

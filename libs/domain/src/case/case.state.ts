import type { Child, Guardian } from './case.events';
import type {
  ChildCategory,
  CrisisKind,
  EducationLevel,
  IdentificationSource,
  Programme,
  ProtectionEndReason,
  RiskLevel,
  RiskScore,
} from '../shared/enums';
import type { BusinessDate, DateTime, Fen } from '../shared/types';
import type { CaseHistory } from './case-history';
import type { CaseSignal } from '../monitoring/signals';

export type RiskScores = {
  guardianshipRisk: RiskScore;
  livingRisk: RiskScore;
  behaviourRisk: RiskScore;
};

/** One enrolment. `to` is the last day in force (inclusive); null while running. */
export type ProgrammeEntry = {
  programme: Programme;
  from: BusinessDate;
  to: BusinessDate | null;
  fastTrack: boolean;
  amountFen: Fen | null;
  coverageSharePercent: number | null;
  /** one-off (TEMPORARY_ASSISTANCE): in force on `from` only, `to === from` */
  oneOff: boolean;
  endReason: string | null;
};

export type Education = {
  level: EducationLevel;
  fullTime: boolean;
  expectedGraduation: BusinessDate | null;
  recordedAt: DateTime;
  /** GAOKAO_RETAKE: the day the (first) retake year started */
  retakeStartedOn: BusinessDate | null;
};

export type GuardianshipStatus = {
  /** a crisis reported and not yet answered by a revocation, appointment or restoration */
  crisis: CrisisKind | null;
  urgedCount: number;
  petitionPending: boolean;
  procuratorateSupport: boolean;
  lastDocketNumber: string | null;
};

/** Everything the `Case` of CONTRACT.md needs, and what the rules read. Revision-independent. */
export type CaseFile = {
  id: string;
  regionCode: string;
  categories: ChildCategory[];
  child: Child;
  birthDate: BusinessDate;
  source: IdentificationSource;
  sourceDetail: string | null;
  identifiedAt: DateTime;
  identifiedBy: string;
  riskLevel: RiskLevel | null;
  scores: RiskScores | null;
  assessedAt: DateTime | null;
  lastVisitAt: DateTime | null;
  caseworkerId: string | null;
  /**
   * current guardian: the one on record, else the parents by law; null when none (an orphan, or
   * revoked with none appointed)
   */
  guardian: Guardian | null;
  /** a guardian was recorded (at identification or by a court act): the law's default no longer applies */
  guardianOnRecord: boolean;
  /** guardians whose qualification was revoked and not restored, oldest first */
  revokedGuardians: Guardian[];
  guardianship: GuardianshipStatus;
  /** set by a revocation leaving no guardian but the state; cleared by CategoriesDetermined */
  categoryRedeterminationNeeded: boolean;
  programmes: ProgrammeEntry[];
  education: Education | null;
  graduation: { graduatedOn: BusinessDate } | null;
  extension: { from: BusinessDate; level: EducationLevel } | null;
  protectionEnd: { on: BusinessDate; reason: ProtectionEndReason } | null;
  closure: { closedAt: DateTime; reason: string } | null;
  /** the personal information was erased (names, ID number, free text): never to be read again */
  erased: boolean;
  /** the dated facts the timeline reads (what was in force on any date) */
  history: CaseHistory;
  /** monitoring signals, oldest first (absent from states folded before monitoring existed) */
  signals?: CaseSignal[];
};

export type NoCase = { status: 'NONE' };
export type OpenCase = CaseFile & { status: 'IDENTIFIED' | 'ASSESSED' | 'ENROLLED' };
export type ExtendedCase = CaseFile & {
  status: 'EXTENDED';
  extension: NonNullable<CaseFile['extension']>;
};
export type AgedOutCase = CaseFile & {
  status: 'AGED_OUT';
  protectionEnd: NonNullable<CaseFile['protectionEnd']>;
};
export type ClosedCase = CaseFile & {
  status: 'CLOSED';
  closure: NonNullable<CaseFile['closure']>;
};

export type ExistingCase = OpenCase | ExtendedCase | AgedOutCase | ClosedCase;
export type CaseState = NoCase | ExistingCase;

export const initialCaseState = (): CaseState => ({ status: 'NONE' });

import type { AgencyAct, Role } from '../shared/enums';
import { regionInScope } from '../region/region-code';
import type { CaseCommand, CaseCommandType } from '../case/case.commands';
import { maySeePersonalInfo } from './disclosure-policy';

/** GraphQL mutations and queries of CONTRACT.md, by name, plus the agency API's acts. */
export const COMMAND_ACTIONS = [
  'identifyChild',
  'assessRisk',
  'determineCategories',
  'enrollInProgramme',
  'endProgramme',
  'recordEducation',
  'recordGraduation',
  'assignCaseworker',
  'recordVisit',
  'transferCase',
  'closeCase',
  'reopenCase',
  'correctCase',
  'setBenefitStandard',
  'runAgeOutReview',
  'reportGuardianshipCrisis',
  'urgeGuardian',
  'issuePaymentRoll',
  'importRoster',
  'resolveSignal',
  'erasePersonalInformation',
] as const;
export type CommandAction = (typeof COMMAND_ACTIONS)[number];

export const READ_ACTIONS = [
  'case',
  'cases',
  'benefits',
  'caseload',
  'paymentRoll',
  'paymentForecast',
  'caseHistory',
  'caseAsOf',
  'accessLog',
  'verifyCaseHistory',
  'monitoringSignals',
  'identificationCandidates',
  'caseTimeline',
  'benefitStandards',
  'paymentFile',
] as const;
export type ReadAction = (typeof READ_ACTIONS)[number];

export type Action = CommandAction | ReadAction | AgencyAct;

const FIELD_WORKERS: readonly Role[] = ['CHILD_DIRECTOR', 'SUPERVISOR', 'CIVIL_AFFAIRS', 'ADMIN'];
const CIVIL_AFFAIRS: readonly Role[] = ['CIVIL_AFFAIRS', 'ADMIN'];
const SUPERVISORS: readonly Role[] = ['SUPERVISOR', 'CIVIL_AFFAIRS', 'ADMIN'];
const AUDIT: readonly Role[] = ['AUDITOR', 'ADMIN'];

/** Which roles may run what. Pure data: change it here, not in resolvers. */
export const ACCESS_MATRIX: Readonly<Record<Action, readonly Role[]>> = {
  identifyChild: FIELD_WORKERS,
  assessRisk: FIELD_WORKERS,
  recordEducation: FIELD_WORKERS,
  recordGraduation: FIELD_WORKERS,
  recordVisit: FIELD_WORKERS,
  reportGuardianshipCrisis: FIELD_WORKERS,
  urgeGuardian: FIELD_WORKERS,
  determineCategories: CIVIL_AFFAIRS,
  enrollInProgramme: CIVIL_AFFAIRS,
  endProgramme: CIVIL_AFFAIRS,
  setBenefitStandard: CIVIL_AFFAIRS,
  runAgeOutReview: CIVIL_AFFAIRS,
  issuePaymentRoll: CIVIL_AFFAIRS,
  importRoster: CIVIL_AFFAIRS,
  resolveSignal: FIELD_WORKERS,
  assignCaseworker: SUPERVISORS,
  transferCase: SUPERVISORS,
  closeCase: SUPERVISORS,
  reopenCase: SUPERVISORS,
  correctCase: SUPERVISORS,
  erasePersonalInformation: ['ADMIN'],
  REVOCATION_PETITIONED: ['PROCURATORATE'],
  PROCURATORATE_SUPPORT_FILED: ['PROCURATORATE'],
  GUARDIANSHIP_REVOKED: ['COURT'],
  GUARDIAN_APPOINTED: ['COURT'],
  GUARDIANSHIP_RESTORED: ['COURT'],
  // auditors read a case, but never its personal information in full (disclosure-policy.ts)
  case: [...FIELD_WORKERS, 'AUDITOR'],
  cases: FIELD_WORKERS,
  benefits: FIELD_WORKERS,
  caseload: FIELD_WORKERS,
  paymentRoll: FIELD_WORKERS,
  paymentForecast: CIVIL_AFFAIRS,
  caseHistory: AUDIT,
  caseAsOf: AUDIT,
  accessLog: AUDIT,
  verifyCaseHistory: AUDIT,
  monitoringSignals: FIELD_WORKERS,
  identificationCandidates: FIELD_WORKERS,
  // "for every role that may read the case"
  caseTimeline: [...FIELD_WORKERS, 'AUDITOR'],
  benefitStandards: FIELD_WORKERS,
  // the payment office's file, with names and ID numbers: "for CIVIL_AFFAIRS only"
  paymentFile: ['CIVIL_AFFAIRS'],
};

/** Who asks: the JWT's sub, role, regions (prefixes; "" or "*" is everywhere) and agency. */
export type Principal = { id: string; role: Role; regions: readonly string[]; agency?: string };

export function mayPerform(role: Role, action: Action): boolean {
  return ACCESS_MATRIX[action].includes(role);
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'ROLE' | 'REGION' };

// "Child directors and supervisors act only inside their regions": scopes apply to every role.
export function authorize(
  principal: Principal,
  action: Action,
  regionCode?: string,
): AccessDecision {
  if (!mayPerform(principal.role, action)) return { allowed: false, reason: 'ROLE' };
  if (regionCode !== undefined && !regionInScope(principal.regions, regionCode))
    return { allowed: false, reason: 'REGION' };
  return { allowed: true };
}

/**
 * May this principal take the payment office's file of a roll under `regionCode`: the names and ID
 * numbers of every child paid ("for CIVIL_AFFAIRS only"), each a read of personal information?
 */
export function mayTakePaymentFile(principal: Principal, regionCode: string): boolean {
  return (
    authorize(principal, 'paymentFile', regionCode).allowed &&
    maySeePersonalInfo(principal, regionCode)
  );
}

/** The access action of each case command. */
export const COMMAND_ACTION_OF: Readonly<
  Record<Exclude<CaseCommandType, 'RecordGuardianshipAct'>, CommandAction>
> = {
  IdentifyChild: 'identifyChild',
  AssessRisk: 'assessRisk',
  DetermineCategories: 'determineCategories',
  EnrollInProgramme: 'enrollInProgramme',
  EndProgramme: 'endProgramme',
  RecordEducation: 'recordEducation',
  RecordGraduation: 'recordGraduation',
  AssignCaseworker: 'assignCaseworker',
  RecordVisit: 'recordVisit',
  TransferCase: 'transferCase',
  CloseCase: 'closeCase',
  ReopenCase: 'reopenCase',
  CorrectCase: 'correctCase',
  ErasePersonalInformation: 'erasePersonalInformation',
  ReviewAgeOut: 'runAgeOutReview',
  ReportGuardianshipCrisis: 'reportGuardianshipCrisis',
  UrgeGuardian: 'urgeGuardian',
  RaiseMonitoringSignals: 'importRoster',
  ResolveSignal: 'resolveSignal',
};

/** The role an agency act must come from (the contract's "wrong role for the act: 403"). */
export function agencyRoleFor(act: AgencyAct): Role {
  return ACCESS_MATRIX[act][0];
}

/** The action a case command needs: its mutation, or for an agency act the act itself. */
export function actionOf(command: CaseCommand): Action {
  return command.type === 'RecordGuardianshipAct'
    ? command.data.act
    : COMMAND_ACTION_OF[command.type];
}

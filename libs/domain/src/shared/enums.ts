/** String-literal unions with their value arrays (for GraphQL enums, validation and iteration). */

export const CHILD_CATEGORIES = [
  'ORPHAN',
  'DE_FACTO_UNSUPPORTED',
  'EXTREME_POVERTY',
  'MINIMUM_LIVING',
  'MARGINAL_LOW_INCOME',
  'SERIOUS_ILLNESS_OR_DISABILITY',
  'DISABLED',
  'LEFT_BEHIND',
  'MIGRANT',
  'SINGLE_PARENT',
  'GUARDIANSHIP_LACKING',
] as const;
export type ChildCategory = (typeof CHILD_CATEGORIES)[number];

export const PROGRAMMES = [
  'BASIC_LIVING_ALLOWANCE',
  'MEDICAL_ASSISTANCE',
  'INSURANCE_SUBSIDY',
  'EDUCATION_AID',
  'REHABILITATION',
  'HOUSING_SUPPORT',
  'CARE_SERVICES',
  'TEMPORARY_ASSISTANCE',
] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const RISK_LEVELS = ['RED', 'YELLOW', 'BLUE', 'GREEN'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_SCORES = [0, 1, 2, 3] as const;
export type RiskScore = (typeof RISK_SCORES)[number];

export const CASE_STATUSES = [
  'IDENTIFIED',
  'ASSESSED',
  'ENROLLED',
  'EXTENDED',
  'AGED_OUT',
  'CLOSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const GUARDIAN_KINDS = [
  'PARENT',
  'RELATIVE',
  'CIVIL_AFFAIRS',
  'WELFARE_INSTITUTION',
  'OTHER',
] as const;
export type GuardianKind = (typeof GUARDIAN_KINDS)[number];

export const IDENTIFICATION_SOURCES = [
  'VISIT',
  'DATA_MATCH',
  'HOTLINE',
  'APPLICATION',
  'AGENCY',
] as const;
export type IdentificationSource = (typeof IDENTIFICATION_SOURCES)[number];

export const EDUCATION_LEVELS = [
  'NONE',
  'PRIMARY',
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'VOCATIONAL',
  'UNDERGRADUATE',
  'MASTER',
  'GAOKAO_RETAKE',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const ROLES = [
  'CHILD_DIRECTOR',
  'SUPERVISOR',
  'CIVIL_AFFAIRS',
  'AUDITOR',
  'ADMIN',
  'COURT',
  'PROCURATORATE',
] as const;
export type Role = (typeof ROLES)[number];

/** The acts courts and procuratorates send through the agency API. */
export const AGENCY_ACTS = [
  'REVOCATION_PETITIONED',
  'PROCURATORATE_SUPPORT_FILED',
  'GUARDIANSHIP_REVOKED',
  'GUARDIAN_APPOINTED',
  'GUARDIANSHIP_RESTORED',
] as const;
export type AgencyAct = (typeof AGENCY_ACTS)[number];

export const CRISIS_KINDS = ['LACKING', 'IMPROPER'] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

/** ARREARS: paid late for an issued month (positive); CLAWBACK: recovered (negative). */
export const PAYMENT_REASONS = [
  'MONTHLY',
  'GRADUATION_GRANT',
  'ONE_OFF',
  'ARREARS',
  'CLAWBACK',
] as const;
export type PaymentReason = (typeof PAYMENT_REASONS)[number];

/** Fields a CaseCorrected event may correct. */
export const CORRECTABLE_FIELDS = ['birthDate', 'idNumber', 'name'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** Why protection ended other than by the 18th birthday. */
export const PROTECTION_END_REASONS = [
  'EIGHTEENTH_BIRTHDAY',
  'GRADUATED',
  'LEFT_EDUCATION',
  'RETAKE_YEAR_OVER',
] as const;
export type ProtectionEndReason = (typeof PROTECTION_END_REASONS)[number];

/** Type guard: is `value` one of `values`? */
export function isOneOf<T extends string | number>(
  values: readonly T[],
  value: unknown,
): value is T {
  return (values as readonly unknown[]).includes(value);
}

import type { ChildCategory, EducationLevel, Programme, RiskLevel } from '../shared/enums';

/** Who may enrol: listed categories, any category at all, or any case (no category needed). */
export type Eligibility =
  | { kind: 'CATEGORIES'; categories: readonly ChildCategory[] }
  | { kind: 'ANY_CATEGORY' }
  | { kind: 'ANY_CASE' };

/** Policy numbers are data: pass another CasePolicy to change them, never edit the rules. */
export type CasePolicy = {
  /** days from the last visit (or the assessment) to the next, by colour */
  visitIntervalDays: Record<RiskLevel, number>;
  eligibility: Record<Programme, Eligibility>;
  /** programmes paid once, with an amount given at enrolment */
  oneOffProgrammes: readonly Programme[];
  /** programmes that may be paid first and reviewed after (先行救助) */
  fastTrackProgrammes: readonly Programme[];
  /** programmes paid monthly at the regional standard */
  monthlyProgrammes: readonly Programme[];
  /** share of eligible medical costs covered, by category (highest held applies) */
  medicalCoverageSharePercent: Partial<Record<ChildCategory, number>>;
  ageOfMajority: number;
  /** full-time study that extends protection past the 18th birthday */
  extensionLevels: readonly EducationLevel[];
  /** how long a gaokao retake keeps protection */
  retakeYears: number;
  graduationGrantMonths: number;
};

const ECONOMICALLY_DIFFICULT: readonly ChildCategory[] = [
  'EXTREME_POVERTY',
  'MINIMUM_LIVING',
  'MARGINAL_LOW_INCOME',
  'SERIOUS_ILLNESS_OR_DISABILITY',
];

/** The figures of DOMAIN.md (Zhejiang measures 2026; defaults where the documents give none). */
export const DEFAULT_POLICY: CasePolicy = {
  visitIntervalDays: { RED: 7, YELLOW: 15, BLUE: 30, GREEN: 90 },
  eligibility: {
    BASIC_LIVING_ALLOWANCE: { kind: 'CATEGORIES', categories: ['ORPHAN', 'DE_FACTO_UNSUPPORTED'] },
    MEDICAL_ASSISTANCE: {
      kind: 'CATEGORIES',
      categories: [
        'ORPHAN',
        'EXTREME_POVERTY',
        'MINIMUM_LIVING',
        'DE_FACTO_UNSUPPORTED',
        'MARGINAL_LOW_INCOME',
        'SERIOUS_ILLNESS_OR_DISABILITY',
      ],
    },
    INSURANCE_SUBSIDY: {
      kind: 'CATEGORIES',
      categories: [
        'ORPHAN',
        'EXTREME_POVERTY',
        'DE_FACTO_UNSUPPORTED',
        'MINIMUM_LIVING',
        'MARGINAL_LOW_INCOME',
      ],
    },
    EDUCATION_AID: {
      kind: 'CATEGORIES',
      categories: ['ORPHAN', 'DE_FACTO_UNSUPPORTED', 'DISABLED', ...ECONOMICALLY_DIFFICULT],
    },
    REHABILITATION: {
      kind: 'CATEGORIES',
      categories: ['DISABLED', 'SERIOUS_ILLNESS_OR_DISABILITY'],
    },
    HOUSING_SUPPORT: { kind: 'ANY_CATEGORY' },
    CARE_SERVICES: { kind: 'ANY_CATEGORY' },
    TEMPORARY_ASSISTANCE: { kind: 'ANY_CASE' },
  },
  oneOffProgrammes: ['TEMPORARY_ASSISTANCE'],
  fastTrackProgrammes: ['TEMPORARY_ASSISTANCE'],
  monthlyProgrammes: ['BASIC_LIVING_ALLOWANCE'],
  medicalCoverageSharePercent: {
    ORPHAN: 100,
    EXTREME_POVERTY: 100,
    MINIMUM_LIVING: 80,
    DE_FACTO_UNSUPPORTED: 80,
    MARGINAL_LOW_INCOME: 70,
    // a marginal low-income child with serious illness or disability counts as minimum-living
    SERIOUS_ILLNESS_OR_DISABILITY: 80,
  },
  ageOfMajority: 18,
  extensionLevels: ['SENIOR_SECONDARY', 'VOCATIONAL', 'UNDERGRADUATE', 'MASTER', 'GAOKAO_RETAKE'],
  retakeYears: 1,
  graduationGrantMonths: 6,
};

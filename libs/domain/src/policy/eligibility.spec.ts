import { CHILD_CATEGORIES, type ChildCategory, type Programme } from '../shared/enums';
import { DEFAULT_POLICY } from './case-policy';
import { eligibleCategoriesFor, isEligibleForProgramme, medicalCoverageShare } from './eligibility';

const eligible = (programme: Programme) =>
  CHILD_CATEGORIES.filter((c) => isEligibleForProgramme(programme, [c], DEFAULT_POLICY));

describe('eligibility by category', () => {
  it('opens the basic living allowance to orphans and de facto unsupported children', () => {
    expect(eligible('BASIC_LIVING_ALLOWANCE')).toEqual(['ORPHAN', 'DE_FACTO_UNSUPPORTED']);
  });

  it('opens medical assistance to the six categories with a coverage share', () => {
    expect(eligible('MEDICAL_ASSISTANCE').sort()).toEqual(
      [
        'ORPHAN',
        'EXTREME_POVERTY',
        'MINIMUM_LIVING',
        'DE_FACTO_UNSUPPORTED',
        'MARGINAL_LOW_INCOME',
        'SERIOUS_ILLNESS_OR_DISABILITY',
      ].sort(),
    );
  });

  it('opens the insurance subsidy to five categories', () => {
    expect(eligible('INSURANCE_SUBSIDY').sort()).toEqual(
      [
        'ORPHAN',
        'EXTREME_POVERTY',
        'DE_FACTO_UNSUPPORTED',
        'MINIMUM_LIVING',
        'MARGINAL_LOW_INCOME',
      ].sort(),
    );
  });

  it('opens education aid to orphans, de facto unsupported, disabled and economically difficult', () => {
    expect(eligible('EDUCATION_AID')).not.toContain('LEFT_BEHIND');
    expect(eligible('EDUCATION_AID')).toEqual(
      expect.arrayContaining(['ORPHAN', 'DE_FACTO_UNSUPPORTED', 'DISABLED', 'MINIMUM_LIVING']),
    );
    expect(eligible('EDUCATION_AID')).toHaveLength(7);
  });

  it('opens rehabilitation to disabled and seriously ill children', () => {
    expect(eligible('REHABILITATION')).toEqual(['SERIOUS_ILLNESS_OR_DISABILITY', 'DISABLED']);
  });

  it('opens housing and care services to any category, but not to a child with none', () => {
    expect(eligible('HOUSING_SUPPORT')).toEqual([...CHILD_CATEGORIES]);
    expect(isEligibleForProgramme('CARE_SERVICES', [], DEFAULT_POLICY)).toBe(false);
  });

  it('opens temporary assistance to any case', () => {
    expect(isEligibleForProgramme('TEMPORARY_ASSISTANCE', [], DEFAULT_POLICY)).toBe(true);
  });

  it('is eligible when any held category opens the programme', () => {
    expect(
      isEligibleForProgramme('BASIC_LIVING_ALLOWANCE', ['LEFT_BEHIND', 'ORPHAN'], DEFAULT_POLICY),
    ).toBe(true);
    expect(
      isEligibleForProgramme('BASIC_LIVING_ALLOWANCE', ['LEFT_BEHIND', 'MIGRANT'], DEFAULT_POLICY),
    ).toBe(false);
    expect(
      eligibleCategoriesFor('BASIC_LIVING_ALLOWANCE', ['LEFT_BEHIND', 'ORPHAN'], DEFAULT_POLICY),
    ).toEqual(['ORPHAN']);
  });
});

describe('medical coverage share', () => {
  it.each([
    [['ORPHAN'], 100],
    [['EXTREME_POVERTY'], 100],
    [['MINIMUM_LIVING'], 80],
    [['DE_FACTO_UNSUPPORTED'], 80],
    [['MARGINAL_LOW_INCOME'], 70],
    [['SERIOUS_ILLNESS_OR_DISABILITY'], 80],
    [['MARGINAL_LOW_INCOME', 'DE_FACTO_UNSUPPORTED'], 80],
    [['MARGINAL_LOW_INCOME', 'ORPHAN', 'LEFT_BEHIND'], 100],
    [['LEFT_BEHIND'], null],
  ] as [ChildCategory[], number | null][])('%p covers %p%', (categories, share) => {
    expect(medicalCoverageShare(categories, DEFAULT_POLICY)).toBe(share);
  });

  it('comes from policy data', () => {
    const policy = {
      medicalCoverageSharePercent: {
        ...DEFAULT_POLICY.medicalCoverageSharePercent,
        MARGINAL_LOW_INCOME: 75,
      },
    };
    expect(medicalCoverageShare(['MARGINAL_LOW_INCOME'], policy)).toBe(75);
  });
});

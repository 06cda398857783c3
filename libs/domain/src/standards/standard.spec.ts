import { ValidationFailed } from '../shared/errors';
import { DEFAULT_POLICY } from '../policy/case-policy';
import { deciderSpec } from '../testing/given-when-then';
import type { SetBenefitStandard } from './standard.commands';
import { standardDecider } from './standard.decider';
import type { BenefitStandard, BenefitStandardSet } from './standard.events';
import { standardInForce, standardLookupFrom } from './standard-in-force';

const given = deciderSpec(standardDecider(DEFAULT_POLICY));
const set = (data: Partial<SetBenefitStandard['data']> = {}): SetBenefitStandard => ({
  type: 'SetBenefitStandard',
  actor: { id: 'civil-1', role: 'CIVIL_AFFAIRS' },
  now: '2026-01-02T09:00:00+08:00',
  data: {
    regionCode: '3703',
    category: 'DE_FACTO_UNSUPPORTED',
    monthlyAmountFen: 197800,
    effectiveFrom: '2024-01-01',
    ...data,
  },
});
const standardSet = (data: Partial<BenefitStandard> = {}): BenefitStandardSet => ({
  type: 'BenefitStandardSet',
  data: { ...set().data, ...data },
});

describe('setting a benefit standard', () => {
  describe('when none is set', () => {
    it('records it', () => {
      given([]).when(set()).then([standardSet()]);
    });

    it('refuses a category no monthly allowance is paid for, and lets the date lie ahead', () => {
      const error = given([])
        .when(set({ category: 'LEFT_BEHIND' }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([
        {
          field: 'category',
          message:
            'no monthly allowance is paid for this category (only for ORPHAN, DE_FACTO_UNSUPPORTED)',
        },
      ]);
      given([])
        .when(set({ effectiveFrom: '2030-01-01' }))
        .then([standardSet({ effectiveFrom: '2030-01-01' })]);
    });

    it('refuses every bad field at once', () => {
      const error = given([])
        .when(set({ regionCode: '370', monthlyAmountFen: 0, effectiveFrom: '2024-02-30' }))
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual([
        'regionCode',
        'monthlyAmount',
        'effectiveFrom',
      ]);
    });

    it('refuses a fractional or negative amount and an unknown category', () => {
      const error = given([])
        .when(set({ monthlyAmountFen: 19.5, category: 'NOBODY' as never }))
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual(['category', 'monthlyAmount']);
      given([])
        .when(set({ monthlyAmountFen: -100 }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('when the same standard is already set', () => {
    it('does nothing', () => {
      given([standardSet()]).when(set()).thenNothing();
    });

    it('records another amount from the same date (it supersedes)', () => {
      given([standardSet()])
        .when(set({ monthlyAmountFen: 198800 }))
        .then([standardSet({ monthlyAmountFen: 198800 })]);
    });
  });
});

describe('the standard in force', () => {
  const standards: BenefitStandard[] = [
    standardSet({ regionCode: '37', monthlyAmountFen: 150000, effectiveFrom: '2023-01-01' }).data,
    standardSet({ regionCode: '3703', monthlyAmountFen: 180000, effectiveFrom: '2023-01-01' }).data,
    standardSet({ regionCode: '3703', monthlyAmountFen: 197800, effectiveFrom: '2024-01-01' }).data,
    standardSet({ regionCode: '370302', monthlyAmountFen: 170000, effectiveFrom: '2023-06-01' })
      .data,
    standardSet({ regionCode: '3703', category: 'ORPHAN', monthlyAmountFen: 210000 }).data,
  ];
  const amount = (region: string, date: string) =>
    standardInForce(standards, region, 'DE_FACTO_UNSUPPORTED', date)?.monthlyAmountFen ?? null;

  it('takes the longest matching prefix among those in force', () => {
    expect(amount('370302002003', '2023-07-01')).toBe(170000);
    expect(amount('370303001001', '2023-07-01')).toBe(180000);
    expect(amount('371000000000', '2023-07-01')).toBe(150000);
  });

  it('ignores standards not yet in force', () => {
    expect(amount('370302002003', '2023-05-31')).toBe(180000);
    expect(amount('370303001001', '2022-12-31')).toBeNull();
  });

  it('takes the latest effective date for the same prefix', () => {
    expect(amount('370303001001', '2023-12-31')).toBe(180000);
    expect(amount('370303001001', '2024-01-01')).toBe(197800);
  });

  it('keeps a more specific region even when a broader one is newer', () => {
    expect(amount('370302002003', '2024-06-01')).toBe(170000);
  });

  it('resolves by category', () => {
    const lookup = standardLookupFrom(standards);
    expect(lookup('370303001001', 'ORPHAN', '2024-02-01')).toBe(210000);
    expect(lookup('370303001001', 'MINIMUM_LIVING', '2024-02-01')).toBeNull();
  });

  it('lets a later standard for the same date supersede', () => {
    const again = [
      ...standards,
      standardSet({ regionCode: '3703', monthlyAmountFen: 199900 }).data,
    ];
    expect(
      standardInForce(again, '370303001001', 'DE_FACTO_UNSUPPORTED', '2024-03-01')
        ?.monthlyAmountFen,
    ).toBe(199900);
  });
});

import { standardLookupFrom } from '../standards/standard-in-force';
import type { BenefitStandard } from '../standards/standard.events';
import type { BenefitCase } from './benefit-case';
import {
  entitlementsOn,
  monthlyAllowanceFen,
  paymentLinesForMonth,
  totalFen,
} from './monthly-allowance';

const standards: BenefitStandard[] = [
  {
    regionCode: '3703',
    category: 'DE_FACTO_UNSUPPORTED',
    monthlyAmountFen: 180000,
    effectiveFrom: '2023-01-01',
  },
  {
    regionCode: '3703',
    category: 'DE_FACTO_UNSUPPORTED',
    monthlyAmountFen: 197800,
    effectiveFrom: '2024-03-01',
  },
  { regionCode: '3703', category: 'ORPHAN', monthlyAmountFen: 210000, effectiveFrom: '2024-03-15' },
];
const lookup = standardLookupFrom(standards);

const child = (overrides: Partial<BenefitCase> = {}): BenefitCase => ({
  caseId: 'c1',
  regionCode: '370302002003',
  categories: ['DE_FACTO_UNSUPPORTED'],
  protectionPeriods: [{ from: '2012-05-10', to: null }],
  programmes: [
    {
      programme: 'BASIC_LIVING_ALLOWANCE',
      from: '2024-01-15',
      to: null,
      fastTrack: false,
      amountFen: null,
      coverageSharePercent: null,
      oneOff: false,
    },
  ],
  graduationGrants: [],
  ...overrides,
});

describe('monthly allowance', () => {
  it('uses the standard in force on the day', () => {
    expect(monthlyAllowanceFen(child(), '2024-02-01', lookup)).toEqual({
      amountFen: 180000,
      category: 'DE_FACTO_UNSUPPORTED',
    });
    expect(monthlyAllowanceFen(child(), '2024-03-01', lookup)?.amountFen).toBe(197800);
  });

  it('pays the higher of two eligible categories, once', () => {
    const both = child({ categories: ['DE_FACTO_UNSUPPORTED', 'ORPHAN', 'LEFT_BEHIND'] });
    expect(monthlyAllowanceFen(both, '2024-04-01', lookup)).toEqual({
      amountFen: 210000,
      category: 'ORPHAN',
    });
    expect(paymentLinesForMonth(both, '2024-04', lookup)).toEqual([
      {
        caseId: 'c1',
        programme: 'BASIC_LIVING_ALLOWANCE',
        amountFen: 210000,
        reason: 'MONTHLY',
        category: 'ORPHAN',
      },
    ]);
  });

  it('is nothing without an eligible category or a standard', () => {
    expect(
      monthlyAllowanceFen(child({ categories: ['LEFT_BEHIND'] }), '2024-04-01', lookup),
    ).toBeNull();
    expect(
      monthlyAllowanceFen(child({ regionCode: '330102001001' }), '2024-04-01', lookup),
    ).toBeNull();
  });
});

describe('payment lines for a month', () => {
  it('skips the month in which the programme started after the first day', () => {
    expect(paymentLinesForMonth(child(), '2024-01', lookup)).toEqual([]);
    expect(totalFen(paymentLinesForMonth(child(), '2024-02', lookup))).toBe(180000);
  });

  it('pays a month in full at the standard in force on its first day', () => {
    const march = paymentLinesForMonth(child({ categories: ['ORPHAN'] }), '2024-03', lookup);
    expect(march).toEqual([]); // the orphan standard starts on 15 March
    expect(paymentLinesForMonth(child(), '2024-03', lookup)[0].amountFen).toBe(197800);
  });

  it('pays the last month when the programme ends after its first day', () => {
    const ended = child({
      programmes: [{ ...child().programmes[0], to: '2024-05-01' }],
    });
    expect(paymentLinesForMonth(ended, '2024-05', lookup)).toHaveLength(1);
    expect(paymentLinesForMonth(ended, '2024-06', lookup)).toEqual([]);
  });

  it('stops when protection ends (18th birthday, closure), and resumes after a reopening', () => {
    const gap = child({
      protectionPeriods: [
        { from: '2012-05-10', to: '2024-04-01' },
        { from: '2024-05-20', to: null },
      ],
    });
    expect(paymentLinesForMonth(gap, '2024-03', lookup)).toHaveLength(1);
    expect(paymentLinesForMonth(gap, '2024-04', lookup)).toEqual([]);
    expect(paymentLinesForMonth(gap, '2024-05', lookup)).toEqual([]);
    expect(paymentLinesForMonth(gap, '2024-06', lookup)).toHaveLength(1);
  });

  it('pays one-off grants and graduation grants in their month', () => {
    const c = child({
      programmes: [
        {
          programme: 'TEMPORARY_ASSISTANCE',
          from: '2024-02-20',
          to: '2024-02-20',
          fastTrack: true,
          amountFen: 50000,
          coverageSharePercent: null,
          oneOff: true,
        },
      ],
      graduationGrants: [{ graduatedOn: '2024-06-30', month: '2024-06', amountFen: 1186800 }],
    });
    expect(paymentLinesForMonth(c, '2024-02', lookup)).toEqual([
      { caseId: 'c1', programme: 'TEMPORARY_ASSISTANCE', amountFen: 50000, reason: 'ONE_OFF' },
    ]);
    expect(paymentLinesForMonth(c, '2024-03', lookup)).toEqual([]);
    expect(paymentLinesForMonth(c, '2024-06', lookup)).toEqual([
      {
        caseId: 'c1',
        programme: 'BASIC_LIVING_ALLOWANCE',
        amountFen: 1186800,
        reason: 'GRADUATION_GRANT',
      },
    ]);
  });

  it('pays nothing monthly for programmes without an amount', () => {
    const c = child({
      programmes: [
        {
          programme: 'MEDICAL_ASSISTANCE',
          from: '2024-01-01',
          to: null,
          fastTrack: false,
          amountFen: null,
          coverageSharePercent: 80,
          oneOff: false,
        },
      ],
    });
    expect(paymentLinesForMonth(c, '2024-02', lookup)).toEqual([]);
  });
});

describe('entitlements on a date', () => {
  it('lists the programmes in force with rate and share', () => {
    const c = child({
      programmes: [
        ...child().programmes,
        {
          programme: 'MEDICAL_ASSISTANCE',
          from: '2024-01-01',
          to: '2024-02-29',
          fastTrack: false,
          amountFen: null,
          coverageSharePercent: 80,
          oneOff: false,
        },
      ],
    });
    expect(entitlementsOn(c, '2024-02-10', lookup)).toEqual([
      {
        programme: 'BASIC_LIVING_ALLOWANCE',
        from: '2024-01-15',
        to: null,
        monthlyAmountFen: 180000,
        amountFen: null,
        coverageSharePercent: null,
        fastTrack: false,
      },
      {
        programme: 'MEDICAL_ASSISTANCE',
        from: '2024-01-01',
        to: '2024-02-29',
        monthlyAmountFen: null,
        amountFen: null,
        coverageSharePercent: 80,
        fastTrack: false,
      },
    ]);
    expect(entitlementsOn(c, '2024-03-01', lookup).map((e) => e.programme)).toEqual([
      'BASIC_LIVING_ALLOWANCE',
    ]);
    expect(entitlementsOn(c, '2024-01-10', lookup).map((e) => e.programme)).toEqual([
      'MEDICAL_ASSISTANCE',
    ]);
  });

  it('lists nothing outside protection', () => {
    const c = child({ protectionPeriods: [{ from: '2012-05-10', to: '2024-03-01' }] });
    expect(entitlementsOn(c, '2024-03-01', lookup)).toEqual([]);
  });
});

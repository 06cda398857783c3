import { DEFAULT_POLICY } from '../policy/case-policy';
import { standardLookupFrom } from '../standards/standard-in-force';
import type { BenefitStandard } from '../standards/standard.events';
import type { ChildCategory } from '../shared/enums';
import { monthlyAllowanceFen } from './monthly-allowance';

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

const child = (overrides: { regionCode?: string; categories?: ChildCategory[] } = {}) => ({
  regionCode: '370302002003',
  categories: ['DE_FACTO_UNSUPPORTED'] as ChildCategory[],
  ...overrides,
});

describe('monthly allowance', () => {
  it('uses the standard in force on the day', () => {
    expect(
      monthlyAllowanceFen(child(), '2024-02-01', lookup, 'BASIC_LIVING_ALLOWANCE', DEFAULT_POLICY),
    ).toEqual({
      amountFen: 180000,
      category: 'DE_FACTO_UNSUPPORTED',
    });
    expect(
      monthlyAllowanceFen(child(), '2024-03-01', lookup, 'BASIC_LIVING_ALLOWANCE', DEFAULT_POLICY)
        ?.amountFen,
    ).toBe(197800);
  });

  it('pays the higher of two eligible categories, once', () => {
    const both = child({ categories: ['DE_FACTO_UNSUPPORTED', 'ORPHAN', 'LEFT_BEHIND'] });
    expect(
      monthlyAllowanceFen(both, '2024-04-01', lookup, 'BASIC_LIVING_ALLOWANCE', DEFAULT_POLICY),
    ).toEqual({
      amountFen: 210000,
      category: 'ORPHAN',
    });
  });

  it('is nothing without an eligible category or a standard', () => {
    expect(
      monthlyAllowanceFen(
        child({ categories: ['LEFT_BEHIND'] }),
        '2024-04-01',
        lookup,
        'BASIC_LIVING_ALLOWANCE',
        DEFAULT_POLICY,
      ),
    ).toBeNull();
    expect(
      monthlyAllowanceFen(
        child({ regionCode: '330102001001' }),
        '2024-04-01',
        lookup,
        'BASIC_LIVING_ALLOWANCE',
        DEFAULT_POLICY,
      ),
    ).toBeNull();
  });
});

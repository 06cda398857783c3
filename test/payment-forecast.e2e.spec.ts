import { makeFictionalIdNumber } from '@app/domain';
import { mustMutate, type MutationName } from './support/cases-api';
import { PAYMENT_FORECAST } from './support/roll-driver';
import { codeOf, TestApp } from './support/test-app';

const TODAY = '2026-11-20T10:00:00+08:00';
const VILLAGE = '370303001001';

type Forecast = {
  regionCode: string;
  total: string;
  months: { month: string; count: number; total: string }[];
};

/**
 * paymentForecast as a bureau prices its budget: 18th birthdays, expected graduations with their
 * grants, and a raise it has not decided yet.
 */
describe('paymentForecast', () => {
  let app: TestApp;
  let bureau: string;
  let sequence = 0;

  beforeAll(async () => {
    app = await TestApp.start();
    app.setNow(TODAY);
    bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau' });
    await run('setBenefitStandard', {
      regionCode: '3703',
      category: 'DE_FACTO_UNSUPPORTED',
      monthlyAmount: '2000.00',
      effectiveFrom: '2024-01-01',
    });
    await run('setBenefitStandard', {
      regionCode: '3703',
      category: 'ORPHAN',
      monthlyAmount: '2000.00',
      effectiveFrom: '2024-01-01',
    });
    // turns 18 on 2027-02-10, not in school: paid to February (protected on its 1st), nothing after
    await enrolled('2009-02-10', ['DE_FACTO_UNSUPPORTED']);
    // an orphan at university, graduation expected 2027-03-15: paid to March, with six months then
    const student = await enrolled('2008-09-01', ['ORPHAN']);
    await run('recordEducation', {
      caseId: student,
      level: 'UNDERGRADUATE',
      fullTime: true,
      expectedGraduation: '2027-03-15',
      recordedAt: '2026-09-01T09:00:00+08:00',
    });
    // a younger child, paid throughout
    await enrolled('2015-05-05', ['DE_FACTO_UNSUPPORTED']);
  });
  afterAll(() => app.close());

  async function run(name: MutationName, input: Record<string, unknown>) {
    return mustMutate(app, name, input, bureau);
  }
  async function enrolled(birthDate: string, categories: string[]) {
    sequence += 1;
    const { caseId } = await run('identifyChild', {
      idNumber: makeFictionalIdNumber('370303', birthDate, sequence),
      name: `预测${sequence}`,
      regionCode: VILLAGE,
      source: 'VISIT',
      identifiedAt: '2026-01-05T09:00:00+08:00',
      categories,
    });
    await run('enrollInProgramme', {
      caseId,
      programme: 'BASIC_LIVING_ALLOWANCE',
      effectiveFrom: '2026-02-01',
    });
    return caseId!;
  }
  const forecast = (variables: Record<string, unknown>, token = bureau) =>
    app.gql<{ paymentForecast: Forecast }>(
      PAYMENT_FORECAST,
      { regionCode: '3703', ...variables },
      token,
    );
  const months = async (variables: Record<string, unknown>) => {
    const response = await forecast(variables);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.paymentForecast;
  };

  it('prices the months ahead with birthdays and expected graduations', async () => {
    const answer = await months({ fromMonth: '2026-12', months: 6 });
    expect(answer.months).toEqual([
      { month: '2026-12', count: 3, total: '6000.00' },
      { month: '2027-01', count: 3, total: '6000.00' },
      { month: '2027-02', count: 3, total: '6000.00' }, // 18 on 10 February: still on the 1st
      { month: '2027-03', count: 3, total: '16000.00' }, // the graduate's last month and grant
      { month: '2027-04', count: 1, total: '2000.00' },
      { month: '2027-05', count: 1, total: '2000.00' },
    ]);
    expect(answer.total).toBe('38000.00');
  });

  it('applies a raise the bureau has not decided yet, from its date on, grant included', async () => {
    const answer = await months({
      fromMonth: '2027-02',
      months: 3,
      standards: [
        { category: 'DE_FACTO_UNSUPPORTED', monthlyAmount: '2200.00', effectiveFrom: '2027-03-01' },
        { category: 'ORPHAN', monthlyAmount: '2500.00', effectiveFrom: '2027-03-01' },
      ],
    });
    expect(answer.months.map((m) => m.total)).toEqual(['6000.00', '19700.00', '2200.00']);
  });

  it('is for civil affairs and admins in their regions, with 1 to 60 months', async () => {
    const director = app.token('CHILD_DIRECTOR', ['3703']);
    expect(codeOf(await forecast({ fromMonth: '2027-01', months: 1 }, director))).toBe('FORBIDDEN');
    expect(codeOf(await forecast({ regionCode: '3301', fromMonth: '2027-01', months: 1 }))).toBe(
      'FORBIDDEN',
    );
    for (const bad of [0, 61]) {
      const response = await forecast({ fromMonth: '2027-01', months: bad });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    }
    const wrong = await forecast({
      fromMonth: '2027-13',
      months: 1,
      standards: [{ category: 'ORPHAN', monthlyAmount: '-1', effectiveFrom: '2027-02-28' }],
    });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions?.fields?.map((f) => f.field).sort()).toEqual([
      'fromMonth',
      'standards.0.monthlyAmount',
    ]);
    const notADay = await forecast({
      fromMonth: '2027-01',
      months: 1,
      standards: [{ category: 'ORPHAN', monthlyAmount: '2100.00', effectiveFrom: '2027-02-30' }],
    });
    expect(codeOf(notADay)).toBe('BAD_USER_INPUT');
  });
});

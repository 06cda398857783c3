import { randomUUID } from 'node:crypto';
import { makeFictionalIdNumber } from '@app/domain';
import { postAct } from './support/agency-api';
import { CASE_QUERY, mustMutate, RUN_AGE_OUT_REVIEW, type MutationName } from './support/cases-api';
import { BENEFITS, mustRead, PAYMENT_ROLL } from './support/read-side';
import { TestApp } from './support/test-app';

/**
 * The first list of issue 22, each through the contract as a client would ask: every answer is
 * what was in force on the date asked, and none waits for the age-out review.
 */
const TODAY = '2026-11-20T10:00:00+08:00';
const VILLAGE = '370303001001';

const AS_OF = `query($caseId: ID!, $at: DateTime!) { caseAsOf(caseId: $caseId, at: $at) {
  status categories guardian { kind name }
  programmes { programme to monthlyAmount amount coverageShare } } }`;

type Line = { caseId: string; programme: string; amount: string; reason: string };
type Entitlement = {
  programme: string;
  to: string | null;
  monthlyAmount: string | null;
  coverageShare: number | null;
};

describe('money and status over time, through the contract', () => {
  let app: TestApp;
  let bureau: string;
  let auditor: string;
  let sequence = 0;
  let last = '';

  beforeAll(async () => {
    app = await TestApp.start();
    app.setNow(TODAY);
    bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau-zibo' });
    auditor = app.token('AUDITOR', ['3703'], { sub: 'auditor-1' });
    for (const [category, monthlyAmount] of [
      ['DE_FACTO_UNSUPPORTED', '1978.00'],
      ['ORPHAN', '2300.00'],
    ])
      await run('setBenefitStandard', {
        regionCode: '3703',
        category,
        monthlyAmount,
        effectiveFrom: '2024-01-01',
      });
  });
  afterAll(() => app.close());

  async function run(name: MutationName, input: Record<string, unknown>) {
    const result = await mustMutate(app, name, input, bureau);
    last = result.position;
    return result;
  }
  async function child(
    birthDate: string,
    categories: string[],
    guardian: unknown = null,
    regionCode = VILLAGE,
  ) {
    sequence += 1;
    const { caseId } = await run('identifyChild', {
      idNumber: makeFictionalIdNumber('370303', birthDate, sequence),
      name: `时间${sequence}`,
      regionCode,
      source: 'VISIT',
      identifiedAt: '2024-12-15T09:00:00+08:00',
      categories,
      guardian,
    });
    return caseId!;
  }
  const reviewAgeOut = async (asOf: string) => {
    const response = await app.gql<{ runAgeOutReview: { position: string } }>(
      RUN_AGE_OUT_REVIEW,
      { asOf },
      bureau,
    );
    last = response.data!.runAgeOutReview.position;
  };
  const enrol = (caseId: string, programme: string, effectiveFrom = '2025-01-01') =>
    run('enrollInProgramme', { caseId, programme, effectiveFrom });
  const roll = async (month: string) =>
    (
      await mustRead<{ paymentRoll: { lines: Line[]; total: string } }>(
        app,
        PAYMENT_ROLL,
        { regionCode: '3703', month, consistentWith: last },
        bureau,
      )
    ).paymentRoll;
  const linesOf = async (caseId: string, month: string) =>
    (await roll(month)).lines
      .filter((l) => l.caseId === caseId)
      .map((l) => `${l.reason} ${l.amount}`);
  const benefits = async (caseId: string, on: string) =>
    (
      await mustRead<{ benefits: Entitlement[] }>(
        app,
        BENEFITS,
        { caseId, on, consistentWith: last },
        bureau,
      )
    ).benefits;
  const asOf = async (caseId: string, at: string) =>
    (
      await mustRead<{ caseAsOf: Record<string, unknown> & { programmes: Entitlement[] } }>(
        app,
        AS_OF,
        { caseId, at },
        auditor,
      )
    ).caseAsOf;
  const readCase = async (caseId: string) =>
    (
      await mustRead<{ case: Record<string, unknown> & { programmes: Entitlement[] } }>(
        app,
        CASE_QUERY,
        { id: caseId },
        bureau,
      )
    ).case;

  it('keeps what June paid when a November determination changes the categories', async () => {
    const caseId = await child('2012-05-10', ['DE_FACTO_UNSUPPORTED']);
    await enrol(caseId, 'BASIC_LIVING_ALLOWANCE');
    await run('determineCategories', {
      caseId,
      categories: ['LEFT_BEHIND'],
      determinedAt: '2025-11-05T10:00:00+08:00',
    });
    expect(await linesOf(caseId, '2025-06')).toEqual(['MONTHLY 1978.00']);
    expect(await linesOf(caseId, '2025-12')).toEqual([]);
    expect(await benefits(caseId, '2025-06-15')).toEqual([
      expect.objectContaining({
        programme: 'BASIC_LIVING_ALLOWANCE',
        monthlyAmount: '1978.00',
        to: '2025-11-04',
      }),
    ]);
    expect(await benefits(caseId, '2025-12-15')).toEqual([]);
    expect(await asOf(caseId, '2025-06-15T12:00:00+08:00')).toMatchObject({
      categories: ['DE_FACTO_UNSUPPORTED'],
      programmes: [expect.objectContaining({ monthlyAmount: '1978.00' })],
    });
    expect((await readCase(caseId)).categories).toEqual(['LEFT_BEHIND']);
  });

  it('gives medical assistance the share of the categories held that day, not those at enrolment', async () => {
    const caseId = await child('2012-06-10', ['MARGINAL_LOW_INCOME']);
    await enrol(caseId, 'MEDICAL_ASSISTANCE');
    await run('determineCategories', {
      caseId,
      categories: ['MARGINAL_LOW_INCOME', 'ORPHAN'],
      determinedAt: '2025-08-01T10:00:00+08:00',
    });
    expect((await benefits(caseId, '2025-07-31'))[0].coverageShare).toBe(70);
    expect((await benefits(caseId, '2025-08-01'))[0].coverageShare).toBe(100);
    expect((await readCase(caseId)).programmes[0].coverageShare).toBe(100);
  });

  it('shows a monthly amount on the allowance only, in caseAsOf as everywhere', async () => {
    const caseId = await child('2012-07-10', ['DE_FACTO_UNSUPPORTED']);
    for (const programme of [
      'BASIC_LIVING_ALLOWANCE',
      'MEDICAL_ASSISTANCE',
      'INSURANCE_SUBSIDY',
      'EDUCATION_AID',
    ])
      await enrol(caseId, programme);
    const stood = await asOf(caseId, '2025-06-15T12:00:00+08:00');
    expect(stood.programmes.map((p) => [p.programme, p.monthlyAmount])).toEqual([
      ['BASIC_LIVING_ALLOWANCE', '1978.00'],
      ['MEDICAL_ASSISTANCE', null],
      ['INSURANCE_SUBSIDY', null],
      ['EDUCATION_AID', null],
    ]);
  });

  it('stops paying on the 18th birthday without a review, in past and future rolls alike', async () => {
    const june = await child('2008-06-15', ['DE_FACTO_UNSUPPORTED']);
    const march = await child('2009-03-10', ['DE_FACTO_UNSUPPORTED']);
    await enrol(june, 'BASIC_LIVING_ALLOWANCE');
    await enrol(march, 'BASIC_LIVING_ALLOWANCE');
    expect(await linesOf(june, '2026-06')).toEqual(['MONTHLY 1978.00']);
    expect(await linesOf(june, '2026-07')).toEqual([]);
    expect(await linesOf(june, '2026-12')).toEqual([]);
    expect((await readCase(june)).status).toBe('AGED_OUT');
    // budgets: a month not yet come leaves out whoever will have turned 18 by its first day
    expect(await linesOf(march, '2027-03')).toEqual(['MONTHLY 1978.00']);
    expect(await linesOf(march, '2027-04')).toEqual([]);
  });

  it('counts a caseload of the cases open on the day asked, review or not', async () => {
    const village = '370303009001';
    await child('2008-06-15', ['DE_FACTO_UNSUPPORTED'], null, village);
    await child('2012-02-02', ['LEFT_BEHIND'], null, village);
    const caseload = async (asOf: string) =>
      (
        await mustRead<{
          caseload: { open: number; byCategory: { key: string; count: number }[] };
        }>(
          app,
          `query($r: String, $a: Date, $c: String) { caseload(regionCode: $r, asOf: $a, consistentWith: $c) {
            open byCategory { key count } } }`,
          { r: village, a: asOf, c: last },
          bureau,
        )
      ).caseload;
    const count = (load: Awaited<ReturnType<typeof caseload>>, key: string) =>
      load.byCategory.find((c) => c.key === key)?.count;
    const before = await caseload('2026-06-14');
    expect([before.open, count(before, 'DE_FACTO_UNSUPPORTED')]).toEqual([2, 1]);
    const after = await caseload('2026-06-15');
    expect([after.open, count(after, 'DE_FACTO_UNSUPPORTED')]).toEqual([1, 0]);
    expect((await caseload('2024-12-14')).open).toBe(0); // not yet identified
  });

  it('ends protection on a recorded graduation, with the grant in its month, without a review', async () => {
    const caseId = await child('2007-09-01', ['ORPHAN']);
    await enrol(caseId, 'BASIC_LIVING_ALLOWANCE');
    await run('recordEducation', {
      caseId,
      level: 'UNDERGRADUATE',
      fullTime: true,
      expectedGraduation: '2029-06-30',
      recordedAt: '2025-03-01T09:00:00+08:00',
    });
    expect((await readCase(caseId)).status).toBe('EXTENDED');
    // the daily review has recorded the extension (a graduation is recorded only from one)
    await reviewAgeOut('2025-09-01');
    await run('recordGraduation', { caseId, graduatedOn: '2026-10-15' });
    expect((await readCase(caseId)).status).toBe('AGED_OUT');
    expect(await linesOf(caseId, '2026-10')).toEqual([
      'MONTHLY 2300.00',
      'GRADUATION_GRANT 13800.00',
    ]);
    expect(await linesOf(caseId, '2026-11')).toEqual([]);
  });

  it('gives entitlements their known last day: aged out, and closed', async () => {
    const aged = await child('2008-04-20', ['DE_FACTO_UNSUPPORTED']);
    await enrol(aged, 'BASIC_LIVING_ALLOWANCE');
    expect((await readCase(aged)).programmes[0].to).toBe('2026-04-19');
    const closed = await child('2013-01-01', ['DE_FACTO_UNSUPPORTED']);
    await enrol(closed, 'MEDICAL_ASSISTANCE');
    await run('closeCase', {
      caseId: closed,
      reason: 'moved away',
      closedAt: '2026-02-20T10:00:00+08:00',
    });
    expect((await readCase(closed)).programmes[0].to).toBe('2026-02-19');
    expect((await benefits(closed, '2026-02-19'))[0].to).toBe('2026-02-19');
  });

  it('makes a court appointment effective next March the guardian from then, not today', async () => {
    const caseId = await child('2014-02-02', ['ORPHAN'], null);
    const court = app.token('COURT', ['*'], { agency: '淄博市张店区人民法院' });
    const answer = await postAct(app, {
      token: court,
      key: randomUUID(),
      body: {
        act: 'GUARDIAN_APPOINTED',
        caseId,
        docketNumber: '(2026)鲁0303民特7号',
        decidedOn: '2026-11-10',
        effectiveOn: '2027-03-01',
        newGuardian: { kind: 'RELATIVE', name: '测试姑母' },
      },
    });
    expect(answer.status).toBe(201);
    last = String(answer.body.position);
    expect((await readCase(caseId)).guardian).toBeNull();
    // the auditor's view: a guardian who is a person, masked (docs/personal-data.md)
    expect((await asOf(caseId, '2027-03-01T09:00:00+08:00')).guardian).toEqual({
      kind: 'RELATIVE',
      name: '*母',
    });
    app.setNow('2027-03-01T09:00:00+08:00');
    try {
      expect((await readCase(caseId)).guardian).toEqual({ kind: 'RELATIVE', name: '测试姑母' });
    } finally {
      app.setNow(TODAY);
    }
  });
});

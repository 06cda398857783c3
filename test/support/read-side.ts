import { makeFictionalIdNumber } from '@app/domain';
import { mustMutate, RUN_AGE_OUT_REVIEW, type CommandResultShape } from './cases-api';
import type { TestApp } from './test-app';

/** GraphQL documents of the read side, as a client would send them. */
export const CASES = `query($filter: CaseFilter, $first: Int, $after: String, $consistentWith: String) {
  cases(filter: $filter, first: $first, after: $after, consistentWith: $consistentWith) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id status regionCode riskLevel categories caseworkerId nextVisitDue
      programmes { programme from to monthlyAmount coverageShare fastTrack } } } } }`;

export const BENEFITS = `query($caseId: ID!, $on: Date, $consistentWith: String) {
  benefits(caseId: $caseId, on: $on, consistentWith: $consistentWith) {
    programme from to monthlyAmount amount coverageShare fastTrack } }`;

export const PAYMENT_ROLL = `query($regionCode: String!, $month: String!, $consistentWith: String) {
  paymentRoll(regionCode: $regionCode, month: $month, consistentWith: $consistentWith) {
    regionCode month count total lines { caseId programme amount reason } } }`;

export const CASELOAD = `query($regionCode: String, $caseworkerId: ID, $asOf: Date, $consistentWith: String) {
  caseload(regionCode: $regionCode, caseworkerId: $caseworkerId, asOf: $asOf,
    consistentWith: $consistentWith) {
    open byRisk { key count } byCategory { key count } overdueVisits turning18Within90Days } }`;

export const ZIBO_VILLAGE = '370303001001';
export const ZIBO_OTHER_VILLAGE = '370303002001';

export type ZiboCases = {
  deFacto: string;
  marginal: string;
  graduate: string;
  turning18: string;
  twoCategories: string;
  hangzhou: string;
  /** position of the last write: pass it as consistentWith */
  position: string;
};

/**
 * Zibo as DOMAIN.md tells it, through the public mutations: 1,978.00 a month from 2024 for a de
 * facto unsupported child, raised from 2025-07-01 (orphans 2,300.00); an orphan who studied past 18
 * and graduated on 2026-06-30; medical assistance at 80% and 70%; a 500.00 fast-tracked one-off;
 * colours assessed on 2026-11-10 (RED, YELLOW) and 2026-08-01 (GREEN); an 18th birthday on
 * 2026-12-20. Fictional children and ID numbers.
 */
export async function seedZibo(app: TestApp): Promise<ZiboCases> {
  const bureau = app.token('CIVIL_AFFAIRS', ['3703', '3301'], { sub: 'bureau' });
  let last: CommandResultShape | undefined;
  const run = async (name: Parameters<typeof mustMutate>[1], input: Record<string, unknown>) =>
    (last = await mustMutate(app, name, input, bureau));
  const standard = (category: string, monthlyAmount: string, effectiveFrom: string) =>
    run('setBenefitStandard', { regionCode: '3703', category, monthlyAmount, effectiveFrom });
  const identify = async (regionCode: string, birth: string, seq: number, categories: string[]) =>
    (
      await run('identifyChild', {
        idNumber: makeFictionalIdNumber(regionCode.slice(0, 6), birth, seq),
        name: `测试${seq}`,
        regionCode,
        source: 'VISIT',
        identifiedAt: '2024-01-15T09:00:00+08:00',
        categories,
        guardian: { kind: 'RELATIVE', name: '测试监护人', relation: 'grandmother' },
      })
    ).caseId!;
  const assess = (caseId: string, scores: number[], assessedAt: string) =>
    run('assessRisk', {
      caseId,
      guardianshipRisk: scores[0],
      livingRisk: scores[1],
      behaviourRisk: scores[2],
      assessedAt,
    });
  const enrol = (caseId: string, programme: string, effectiveFrom: string, extra = {}) =>
    run('enrollInProgramme', { caseId, programme, effectiveFrom, ...extra });

  await standard('DE_FACTO_UNSUPPORTED', '1978.00', '2024-01-01');
  await standard('ORPHAN', '1978.00', '2024-01-01');
  await standard('DE_FACTO_UNSUPPORTED', '2100.00', '2025-07-01');
  await standard('ORPHAN', '2300.00', '2025-07-01');

  const deFacto = await identify(ZIBO_VILLAGE, '2012-05-10', 1, ['DE_FACTO_UNSUPPORTED']);
  await assess(deFacto, [3, 1, 0], '2026-11-10T09:00:00+08:00');
  await enrol(deFacto, 'BASIC_LIVING_ALLOWANCE', '2024-03-01');
  await enrol(deFacto, 'MEDICAL_ASSISTANCE', '2024-03-01');
  await run('assignCaseworker', { caseId: deFacto, caseworkerId: 'director-7' });

  const marginal = await identify(ZIBO_VILLAGE, '2013-02-02', 2, ['MARGINAL_LOW_INCOME']);
  await assess(marginal, [2, 1, 0], '2026-11-10T09:00:00+08:00');
  await enrol(marginal, 'MEDICAL_ASSISTANCE', '2025-01-01');
  await enrol(marginal, 'TEMPORARY_ASSISTANCE', '2026-03-05', {
    amount: '500.00',
    fastTrack: true,
  });

  const graduate = await identify(ZIBO_OTHER_VILLAGE, '2006-06-15', 3, ['ORPHAN']);
  await enrol(graduate, 'BASIC_LIVING_ALLOWANCE', '2024-02-01');
  await run('recordEducation', {
    caseId: graduate,
    level: 'UNDERGRADUATE',
    fullTime: true,
    expectedGraduation: '2026-06-30',
    recordedAt: '2024-01-20T09:00:00+08:00',
  });
  await ageOutReview(app, bureau, '2024-06-15');
  await run('recordGraduation', { caseId: graduate, graduatedOn: '2026-06-30' });
  const review = await ageOutReview(app, bureau, '2026-07-01');

  const turning18 = await identify(ZIBO_OTHER_VILLAGE, '2008-12-20', 4, ['LEFT_BEHIND']);
  await assess(turning18, [0, 0, 0], '2026-08-01T09:00:00+08:00');

  const closed = await identify(ZIBO_VILLAGE, '2010-01-01', 5, []);
  await run('closeCase', {
    caseId: closed,
    reason: 'moved away',
    closedAt: '2024-02-01T09:00:00+08:00',
  });

  const hangzhou = await identify('330102001001', '2011-03-03', 6, ['DE_FACTO_UNSUPPORTED']);
  await enrol(hangzhou, 'BASIC_LIVING_ALLOWANCE', '2024-03-01');

  const twoCategories = await identify(ZIBO_VILLAGE, '2014-04-04', 7, [
    'ORPHAN',
    'DE_FACTO_UNSUPPORTED',
  ]);
  await enrol(twoCategories, 'BASIC_LIVING_ALLOWANCE', '2025-06-15');
  if (review.graduationGrants !== 1) throw new Error('the graduation grant was not awarded');
  return {
    deFacto,
    marginal,
    graduate,
    turning18,
    twoCategories,
    hangzhou,
    position: last!.position,
  };
}

async function ageOutReview(app: TestApp, token: string, asOf: string) {
  const response = await app.gql<{
    runAgeOutReview: { graduationGrants: number; extended: number; position: string };
  }>(RUN_AGE_OUT_REVIEW, { asOf }, token);
  if (!response.data) throw new Error(`runAgeOutReview failed: ${JSON.stringify(response.errors)}`);
  return response.data.runAgeOutReview;
}

/** A read that must succeed. */
export async function mustRead<T>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const response = await app.gql<T>(query, variables, token);
  if (response.errors?.length || !response.data)
    throw new Error(`read failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

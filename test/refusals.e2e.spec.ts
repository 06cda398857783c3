import { makeFictionalIdNumber } from '@app/domain';
import { CASE_QUERY, mustMutate, mutate, RUN_AGE_OUT_REVIEW } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';

const VILLAGE = '330102001001'; // fictional community in Hangzhou Shangcheng

describe('refusals through GraphQL', () => {
  let app: TestApp;
  let bureau: string;
  let seq = 1;
  const newChild = (birth = '2012-05-01', categories = ['LEFT_BEHIND']) => ({
    idNumber: makeFictionalIdNumber('330102', birth, seq++),
    name: '测试',
    regionCode: VILLAGE,
    source: 'HOTLINE',
    identifiedAt: '2026-01-10T09:00:00+08:00',
    categories,
  });

  beforeAll(async () => {
    app = await TestApp.start();
    bureau = app.token('CIVIL_AFFAIRS', ['3301']);
  });
  afterAll(() => app.close());

  it('refuses a second open case for the same ID number, with no personal information', async () => {
    const child = newChild();
    await mustMutate(app, 'identifyChild', child, bureau);
    const again = await mutate(app, 'identifyChild', { ...child, name: '另一个名字' }, bureau);
    expect(codeOf(again)).toBe('DUPLICATE_CASE');
    expect(JSON.stringify(again)).not.toContain(child.idNumber);
    expect(JSON.stringify(again)).not.toContain('另一个名字');
  });

  it('allows a new case once the old one is closed, and refuses to reopen the old one then', async () => {
    const child = newChild();
    const first = (await mustMutate(app, 'identifyChild', child, bureau)).caseId!;
    await mustMutate(
      app,
      'closeCase',
      { caseId: first, reason: 'moved away', closedAt: '2026-01-20T09:00:00+08:00' },
      bureau,
    );
    await mustMutate(app, 'identifyChild', child, bureau);
    const reopen = await mutate(
      app,
      'reopenCase',
      { caseId: first, reason: 'came back', reopenedAt: '2026-02-01T09:00:00+08:00' },
      bureau,
    );
    expect(codeOf(reopen)).toBe('DUPLICATE_CASE');
  });

  it('refuses a programme the categories do not open', async () => {
    const caseId = (await mustMutate(app, 'identifyChild', newChild(), bureau)).caseId!;
    const response = await mutate(
      app,
      'enrollInProgramme',
      { caseId, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2026-02-01' },
      bureau,
    );
    expect(codeOf(response)).toBe('NOT_ELIGIBLE');
  });

  it('refuses enrolment on a closed case and on an aged-out case', async () => {
    const closed = (
      await mustMutate(app, 'identifyChild', newChild('2012-05-01', ['ORPHAN']), bureau)
    ).caseId!;
    await mustMutate(
      app,
      'closeCase',
      { caseId: closed, reason: 'adopted', closedAt: '2026-01-20T09:00:00+08:00' },
      bureau,
    );
    const onClosed = await mutate(
      app,
      'enrollInProgramme',
      { caseId: closed, programme: 'MEDICAL_ASSISTANCE', effectiveFrom: '2026-02-01' },
      bureau,
    );
    expect(['ILLEGAL_TRANSITION', 'NOT_ELIGIBLE']).toContain(codeOf(onClosed));

    const adult = (
      await mustMutate(app, 'identifyChild', newChild('2008-01-15', ['ORPHAN']), bureau)
    ).caseId!;
    const review = await app.gql<{ runAgeOutReview: { agedOut: number } }>(
      RUN_AGE_OUT_REVIEW,
      { asOf: '2026-01-15' },
      bureau,
    );
    expect(review.data?.runAgeOutReview.agedOut).toBe(1);
    const view = await app.gql<{ case: { status: string } }>(CASE_QUERY, { id: adult }, bureau);
    expect(view.data?.case.status).toBe('AGED_OUT');
    const onAgedOut = await mutate(
      app,
      'enrollInProgramme',
      { caseId: adult, programme: 'MEDICAL_ASSISTANCE', effectiveFrom: '2026-02-01' },
      bureau,
    );
    expect(['ILLEGAL_TRANSITION', 'NOT_ELIGIBLE']).toContain(codeOf(onAgedOut));
  });

  it('refuses senseless transitions with ILLEGAL_TRANSITION', async () => {
    const caseId = (await mustMutate(app, 'identifyChild', newChild(), bureau)).caseId!;
    const reopenOpen = await mutate(
      app,
      'reopenCase',
      { caseId, reason: 'x', reopenedAt: '2026-02-01T09:00:00+08:00' },
      bureau,
    );
    expect(codeOf(reopenOpen)).toBe('ILLEGAL_TRANSITION');
    const endNotEnrolled = await mutate(
      app,
      'endProgramme',
      { caseId, programme: 'CARE_SERVICES', effectiveTo: '2026-02-01', reason: 'x' },
      bureau,
    );
    expect(codeOf(endNotEnrolled)).toBe('ILLEGAL_TRANSITION');
    const sameRegion = await mutate(
      app,
      'transferCase',
      { caseId, toRegionCode: VILLAGE, transferredAt: '2026-02-01T09:00:00+08:00' },
      bureau,
    );
    expect(codeOf(sameRegion)).toBe('ILLEGAL_TRANSITION');
  });

  it('answers NOT_FOUND for an unknown case', async () => {
    const response = await mutate(
      app,
      'recordVisit',
      { caseId: '0f0f0f0f-0000-4000-8000-000000000000', visitedAt: '2026-02-01T09:00:00+08:00' },
      bureau,
    );
    expect(codeOf(response)).toBe('NOT_FOUND');
  });

  it('refuses a risk score of 4 and an unknown region code shape, naming the fields', async () => {
    const caseId = (await mustMutate(app, 'identifyChild', newChild(), bureau)).caseId!;
    const risk = await mutate(
      app,
      'assessRisk',
      {
        caseId,
        guardianshipRisk: 4,
        livingRisk: 0,
        behaviourRisk: -1,
        assessedAt: '2026-02-01T09:00:00+08:00',
      },
      bureau,
    );
    expect(codeOf(risk)).toBe('BAD_USER_INPUT');
    expect(risk.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual([
      'input.behaviourRisk',
      'input.guardianshipRisk',
    ]);
    const region = await mutate(
      app,
      'identifyChild',
      { ...newChild(), regionCode: '33010' },
      bureau,
    );
    expect(region.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toEqual([
      'input.regionCode',
    ]);
  });

  it('refuses identifying someone already 18 (no longer a child)', async () => {
    const response = await mutate(app, 'identifyChild', newChild('2000-01-01'), bureau);
    expect(codeOf(response)).toBe('NOT_ELIGIBLE');
  });

  it('lets exactly one of eight concurrent identifications of the same child win', async () => {
    const child = newChild();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => mutate(app, 'identifyChild', child, bureau)),
    );
    const codes = answers.map((a) => codeOf(a) ?? 'OK').sort();
    expect(codes).toEqual([
      'DUPLICATE_CASE',
      'DUPLICATE_CASE',
      'DUPLICATE_CASE',
      'DUPLICATE_CASE',
      'DUPLICATE_CASE',
      'DUPLICATE_CASE',
      'DUPLICATE_CASE',
      'OK',
    ]);
  });
});

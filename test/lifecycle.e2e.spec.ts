import { makeFictionalIdNumber } from '@app/domain';
import { verifyChain } from '@app/domain';
import {
  CASE_QUERY,
  MUTATIONS,
  RUN_AGE_OUT_REVIEW,
  mustMutate,
  readStream,
} from './support/cases-api';
import { TestApp } from './support/test-app';

const VILLAGE = '370303101001'; // a fictional village in Zibo (3703)
const BIRTH = '2008-03-10'; // 18 on 2026-03-10

describe('a case from identification to the graduation grant', () => {
  let app: TestApp;
  let director: string;
  let bureau: string;
  let caseId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    director = app.token('CHILD_DIRECTOR', ['370303101'], { sub: 'director-7' });
    bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau-zibo' });
  });
  afterAll(() => app.close());

  const readCase = async (token = bureau) => {
    const response = await app.gql<{ case: Record<string, unknown> }>(
      CASE_QUERY,
      { id: caseId },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.case;
  };

  it('identifies the child, with the birth date taken from the ID number', async () => {
    app.setNow('2025-06-01T10:00:00+08:00');
    await mustMutate(
      app,
      'setBenefitStandard',
      {
        regionCode: '3703',
        category: 'DE_FACTO_UNSUPPORTED',
        monthlyAmount: '1978.00',
        effectiveFrom: '2024-01-01',
      },
      bureau,
    );
    const result = await mustMutate(
      app,
      'identifyChild',
      {
        idNumber: makeFictionalIdNumber('370303', BIRTH, 21),
        name: '小艺',
        regionCode: VILLAGE,
        source: 'VISIT',
        identifiedAt: '2025-06-01T09:00:00+08:00',
        categories: ['DE_FACTO_UNSUPPORTED'],
        guardian: { kind: 'RELATIVE', name: '外祖母', relation: 'grandmother' },
      },
      director,
    );
    caseId = result.caseId!;
    expect(result.revision).toBe(0);
    const view = await readCase(director);
    expect(view).toMatchObject({
      status: 'IDENTIFIED',
      birthDate: BIRTH,
      regionCode: VILLAGE,
      riskLevel: null,
    });
    expect(view.child).toEqual({
      name: '小艺',
      idNumber: makeFictionalIdNumber('370303', BIRTH, 21),
      idNumberMasked: '370303************', // the region only: with birthDate, still 1,000 numbers
    });
  });

  it('assesses the risk to a colour with its next visit', async () => {
    app.setNow('2025-06-02T11:00:00+08:00');
    await mustMutate(
      app,
      'assessRisk',
      {
        caseId,
        guardianshipRisk: 2,
        livingRisk: 1,
        behaviourRisk: 0,
        assessedAt: '2025-06-02T10:00:00+08:00',
      },
      director,
    );
    expect(await readCase()).toMatchObject({
      status: 'ASSESSED',
      riskLevel: 'YELLOW',
      nextVisitDue: '2025-06-17',
    });
  });

  it('records the x-correlation-id header on the events of the request', async () => {
    app.setNow('2025-06-10T16:00:00+08:00');
    const visit = await app.gql(
      MUTATIONS.recordVisit,
      { input: { caseId, visitedAt: '2025-06-10T15:00:00+08:00' } },
      director,
      { 'x-correlation-id': 'visit-0625' },
    );
    expect(visit.errors).toBeUndefined();
    const events = await readStream(app, caseId);
    expect(events.at(-1)).toMatchObject({
      type: 'VisitRecorded',
      metadata: {
        correlationId: 'visit-0625',
        actor: { id: 'director-7', role: 'CHILD_DIRECTOR' },
      },
    });
  });

  it('enrols the child in the basic living allowance at the Zibo standard', async () => {
    app.setNow('2025-07-02T09:00:00+08:00');
    await mustMutate(
      app,
      'enrollInProgramme',
      { caseId, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2025-07-01' },
      bureau,
    );
    const view = await readCase();
    expect(view.status).toBe('ENROLLED');
    expect(view.programmes).toEqual([
      {
        programme: 'BASIC_LIVING_ALLOWANCE',
        from: '2025-07-01',
        to: '2026-03-09', // the day before the 18th birthday, as far as is known today
        monthlyAmount: '1978.00',
        coverageShare: null,
        fastTrack: false,
      },
    ]);
  });

  it('extends protection on the 18th birthday for full-time study', async () => {
    app.setNow('2026-03-10T10:00:00+08:00');
    await mustMutate(
      app,
      'recordEducation',
      {
        caseId,
        level: 'SENIOR_SECONDARY',
        fullTime: true,
        expectedGraduation: '2026-06-30',
        recordedAt: '2025-09-01T08:00:00+08:00',
      },
      director,
    );
    const before = await app.gql(RUN_AGE_OUT_REVIEW, { asOf: '2026-03-09' }, bureau);
    expect(before.data).toMatchObject({
      runAgeOutReview: { agedOut: 0, extended: 0, graduationGrants: 0 },
    });
    const review = await app.gql(RUN_AGE_OUT_REVIEW, { asOf: '2026-03-10' }, bureau);
    expect(review.data).toMatchObject({
      runAgeOutReview: { agedOut: 0, extended: 1, graduationGrants: 0 },
    });
    expect((await readCase()).status).toBe('EXTENDED');
  });

  it('pays six months of the standard on graduation, and protection ends', async () => {
    app.setNow('2026-06-30T10:00:00+08:00');
    await mustMutate(app, 'recordGraduation', { caseId, graduatedOn: '2026-06-20' }, director);
    const review = await app.gql(RUN_AGE_OUT_REVIEW, { asOf: '2026-06-30' }, bureau);
    expect(review.data).toMatchObject({
      runAgeOutReview: { agedOut: 0, extended: 0, graduationGrants: 1 },
    });
    expect((await readCase()).status).toBe('AGED_OUT');
  });

  it('awards 6 x 1,978.00 in the graduation month, in an event with full metadata and an intact chain', async () => {
    const events = await readStream(app, caseId);
    const grant = events.find((e) => e.type === 'GraduationGrantAwarded');
    expect(grant?.data).toMatchObject({
      month: '2026-06',
      amountFen: 6 * 197800,
      monthlyStandardFen: 197800,
      months: 6,
    });
    expect(grant?.metadata).toMatchObject({
      actor: { id: 'bureau-zibo', role: 'CIVIL_AFFAIRS' },
      occurredAt: '2026-06-20T00:00:00+08:00',
      recordedAt: expect.any(String),
      correlationId: expect.any(String),
      causationId: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(verifyChain(events)).toBeNull();
  });

  it('changes nothing when the review runs a second time', async () => {
    const again = await app.gql<{ runAgeOutReview: { position: string } }>(
      RUN_AGE_OUT_REVIEW,
      { asOf: '2026-06-30' },
      bureau,
    );
    expect(again.data).toMatchObject({
      runAgeOutReview: { agedOut: 0, extended: 0, graduationGrants: 0 },
    });
    expect((await readCase()).revision).toBeGreaterThan(0);
  });
});

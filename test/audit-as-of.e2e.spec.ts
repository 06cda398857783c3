import { CaseCommandService } from '../apps/api/src/cases/case-command.service';
import { mustMutate } from './support/cases-api';
import { TestApp, codeOf, type GraphQLResponse } from './support/test-app';
import {
  CASE_AS_OF_WITH_NAME,
  CORRECT_CASE,
  dataOf,
  identify,
  recordCourtAct,
  recordingMoment,
} from './audit-support';

const AS_OF = `query($caseId: ID!, $at: DateTime!, $knownAt: DateTime) {
  caseAsOf(caseId: $caseId, at: $at, knownAt: $knownAt) {
    status riskLevel guardian { kind name } revision
    programmes { programme from monthlyAmount } } }`;

// business time: three moments of the case's life
const A = '2025-09-15T12:00:00+08:00'; // identified, not yet assessed
const B = '2025-11-01T12:00:00+08:00'; // assessed and enrolled; the court's ruling not yet in effect
const C = '2026-01-15T12:00:00+08:00'; // after the ruling (effective 2025-12-01) and a visit

type AsOf = {
  status: string;
  riskLevel: string | null;
  guardian: { kind: string; name: string } | null;
  revision: number;
  programmes: { programme: string; from: string; monthlyAmount: string | null }[];
};

describe('the case as it stood, on both timelines', () => {
  let app: TestApp;
  let auditor: string;
  let admin: string;
  let caseId: string;
  // recording time: what the system knew...
  let beforeAnything: string;
  let k1: string; // ...before the late ruling and the raised standard arrived
  let k2: string; // ...after them, before the name was corrected

  beforeAll(async () => {
    app = await TestApp.start();
    const director = app.token('CHILD_DIRECTOR', ['370303101'], { sub: 'director-7' });
    const bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau-zibo' });
    const supervisor = app.token('SUPERVISOR', ['370303'], { sub: 'supervisor-3' });
    auditor = app.token('AUDITOR', ['3703'], { sub: 'auditor-1' });
    admin = app.token('ADMIN', ['*'], { sub: 'admin-1' });

    const standard = (monthlyAmount: string, effectiveFrom: string) =>
      mustMutate(
        app,
        'setBenefitStandard',
        { regionCode: '3703', category: 'DE_FACTO_UNSUPPORTED', monthlyAmount, effectiveFrom },
        bureau,
      );
    await standard('1978.00', '2024-01-01');
    beforeAnything = await recordingMoment();
    caseId = (
      await identify(app, director, {
        sequence: 31,
        name: '刘小雨',
        identifiedAt: '2025-09-01T09:00:00+08:00',
        guardian: { kind: 'PARENT', name: '刘建国', relation: 'father' },
      })
    ).caseId;
    await mustMutate(
      app,
      'determineCategories',
      { caseId, categories: ['DE_FACTO_UNSUPPORTED'], determinedAt: '2025-09-20T09:00:00+08:00' },
      bureau,
    );
    await mustMutate(
      app,
      'assessRisk',
      {
        caseId,
        guardianshipRisk: 3,
        livingRisk: 1,
        behaviourRisk: 0,
        assessedAt: '2025-10-01T10:00:00+08:00',
      },
      director,
    );
    await mustMutate(
      app,
      'enrollInProgramme',
      { caseId, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2025-10-01' },
      bureau,
    );
    await mustMutate(
      app,
      'recordVisit',
      { caseId, visitedAt: '2026-01-10T15:00:00+08:00' },
      director,
    );
    k1 = await recordingMoment();
    // "raised four years running": the 2026 standard, set in the system after k1
    await standard('2100.00', '2026-01-01');
    // the court's ruling of 2025-11-20, effective 2025-12-01, reaches the system only now
    await recordCourtAct(app, caseId, {
      act: 'GUARDIANSHIP_REVOKED',
      docketNumber: '(2025)鲁0303民特88号',
      decidedOn: '2025-11-20',
      effectiveOn: '2025-12-01',
      newGuardian: { kind: 'CIVIL_AFFAIRS', name: '淄博市张店区民政局' },
    });
    k2 = await recordingMoment();
    const corrected = await app.gql(
      CORRECT_CASE,
      {
        input: {
          caseId,
          field: 'name',
          to: '刘晓雨',
          reason: '以户口簿为准',
          correctsRevision: 0,
        },
      },
      supervisor,
    );
    dataOf(corrected);
  });
  afterAll(() => app.close());

  async function asOf(at: string, knownAt?: string): Promise<AsOf | null> {
    const response: GraphQLResponse<{ caseAsOf: AsOf | null }> = await app.gql(
      AS_OF,
      { caseId, at, knownAt },
      auditor,
    );
    return dataOf(response).caseAsOf;
  }

  // the auditor sees a guardian who is a person masked, as caseHistory shows it (personal-data.md)
  const parent = { kind: 'PARENT', name: '*国' };
  const bureauGuardian = { kind: 'CIVIL_AFFAIRS', name: '淄博市张店区民政局' };
  const allowance = (monthlyAmount: string) => [
    { programme: 'BASIC_LIVING_ALLOWANCE', from: '2025-10-01', monthlyAmount },
  ];

  describe('as the system knew it at k1, before the ruling arrived', () => {
    it('at A: identified, nothing assessed or paid yet', async () => {
      expect(await asOf(A, k1)).toEqual({
        status: 'IDENTIFIED',
        riskLevel: null,
        guardian: parent,
        revision: 0,
        programmes: [],
      });
    });

    it('at B: assessed RED and enrolled at the standard then in force', async () => {
      expect(await asOf(B, k1)).toEqual({
        status: 'ENROLLED',
        riskLevel: 'RED',
        guardian: parent,
        revision: 3,
        programmes: allowance('1978.00'),
      });
    });

    it('at C: still the father as guardian, and the old standard', async () => {
      expect(await asOf(C, k1)).toMatchObject({
        guardian: parent,
        revision: 4,
        programmes: allowance('1978.00'),
      });
    });
  });

  describe('as known at k2, once the late ruling was recorded', () => {
    it('at C: the civil affairs bureau is guardian, from the ruling, at the raised standard', async () => {
      expect(await asOf(C, k2)).toMatchObject({
        guardian: bureauGuardian,
        revision: 5,
        programmes: allowance('2100.00'),
      });
    });

    it('at B: the ruling had not taken effect yet', async () => {
      expect(await asOf(B, k2)).toMatchObject({ guardian: parent, revision: 3 });
    });

    it('at A: as before', async () => {
      expect(await asOf(A, k2)).toMatchObject({ status: 'IDENTIFIED', revision: 0 });
    });
  });

  describe('as known now (knownAt left out)', () => {
    it('matches the live fold of the command path at C', async () => {
      const live = await app.app.get(CaseCommandService).load(caseId);
      if (live.state.status === 'NONE') throw new Error('the case is missing');
      const { status, riskLevel, guardian } = live.state;
      expect(await asOf(C)).toMatchObject({
        status,
        riskLevel,
        guardian: { kind: guardian!.kind, name: guardian!.name },
        revision: live.revision,
      });
      expect(await asOf(C)).toMatchObject({ guardian: bureauGuardian, revision: 6 });
    });

    it('applies the name correction from the business time of what it corrects', async () => {
      const name = async (at: string, knownAt?: string) => {
        const response = await app.gql<{ caseAsOf: { child: { name: string } } }>(
          CASE_AS_OF_WITH_NAME,
          { caseId, at, knownAt },
          admin,
        );
        return dataOf(response).caseAsOf.child.name;
      };
      expect(await name(A, k2)).toBe('刘小雨');
      expect(await name(A)).toBe('刘晓雨');
      expect(await name(C)).toBe('刘晓雨');
    });
  });

  it('is null before the child was identified, or before anything was recorded', async () => {
    expect(await asOf('2025-08-31T23:59:59+08:00')).toBeNull();
    expect(await asOf(C, beforeAnything)).toBeNull();
  });

  it('never shows an auditor the name or the ID number', async () => {
    const response = await app.gql(CASE_AS_OF_WITH_NAME, { caseId, at: C }, auditor);
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(JSON.stringify(response)).not.toContain('刘晓雨');
  });

  it('is refused to field workers', async () => {
    for (const role of ['CHILD_DIRECTOR', 'SUPERVISOR', 'CIVIL_AFFAIRS'] as const) {
      const response = await app.gql(AS_OF, { caseId, at: C }, app.token(role, ['3703']));
      expect(codeOf(response)).toBe('FORBIDDEN');
    }
  });

  it('refuses a moment without an offset', async () => {
    const response = await app.gql(AS_OF, { caseId, at: '2026-01-15T12:00:00' }, auditor);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });
});

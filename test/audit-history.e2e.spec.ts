import { makeFictionalIdNumber, maskIdNumber } from '@app/domain';
import { mustMutate } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';
import {
  CASE_HISTORY,
  CORRECT_CASE,
  dataOf,
  recordCourtAct,
  recordingMoment,
} from './audit-support';

interface HistoryEvent {
  revision: number;
  position: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string; agency: string | null };
  correlationId: string;
  causationId: string | null;
  data: Record<string, unknown>;
  hash: string;
  previousHash: string | null;
}

const CHILD = '王小艺';
const FATHER = '王大力';

describe('a case history for auditors', () => {
  let app: TestApp;
  let director: string;
  let supervisor: string;
  let auditor: string;
  let caseId: string;
  const idNumber = makeFictionalIdNumber('370303', '2015-04-02', 11);
  let history: HistoryEvent[];

  beforeAll(async () => {
    app = await TestApp.start();
    director = app.token('CHILD_DIRECTOR', ['370303101'], { sub: 'director-7' });
    supervisor = app.token('SUPERVISOR', ['370303101'], { sub: 'supervisor-3' });
    auditor = app.token('AUDITOR', ['3703'], { sub: 'auditor-1' });
    const response = await app.gql<{ identifyChild: { caseId: string } }>(
      `mutation($input: IdentifyChildInput!) { identifyChild(input: $input) { caseId } }`,
      {
        input: {
          idNumber,
          name: CHILD,
          regionCode: '370303101001',
          source: 'VISIT',
          identifiedAt: '2025-09-01T09:00:00+08:00',
          categories: ['LEFT_BEHIND'],
          guardian: { kind: 'PARENT', name: FATHER, relation: 'father' },
        },
      },
      director,
      { 'x-correlation-id': 'visit-2025-09-01' },
    );
    caseId = dataOf(response).identifyChild.caseId;
    await mustMutate(
      app,
      'assessRisk',
      {
        caseId,
        guardianshipRisk: 3,
        livingRisk: 1,
        behaviourRisk: 0,
        assessedAt: '2025-09-02T10:00:00+08:00',
      },
      director,
    );
    await correct({ field: 'name', to: '王晓艺', reason: '户口簿为准', correctsRevision: 0 });
    await recordingMoment();
    await recordCourtAct(app, caseId, {
      act: 'GUARDIANSHIP_REVOKED',
      docketNumber: '(2025)鲁0303民特45号',
      decidedOn: '2025-10-20',
      effectiveOn: '2025-11-01',
      newGuardian: { kind: 'CIVIL_AFFAIRS', name: '淄博市张店区民政局' },
    });
    history = dataOf(
      await app.gql<{ caseHistory: HistoryEvent[] }>(CASE_HISTORY, { caseId }, auditor),
    ).caseHistory;
  });
  afterAll(() => app.close());

  function correct(input: Record<string, unknown>, token = supervisor) {
    return app.gql<{ correctCase: { revision: number } }>(
      CORRECT_CASE,
      { input: { caseId, ...input } },
      token,
    );
  }

  it('lists every event oldest first, with both times, who, and the chain', () => {
    expect(history.map((e) => [e.revision, e.type])).toEqual([
      [0, 'ChildIdentified'],
      [1, 'RiskAssessed'],
      [2, 'CaseCorrected'],
      [3, 'GuardianshipRevoked'],
    ]);
    const positions = history.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(history[0]).toMatchObject({
      occurredAt: '2025-09-01T09:00:00+08:00',
      actor: { id: 'director-7', role: 'CHILD_DIRECTOR', agency: null },
      correlationId: 'visit-2025-09-01',
      previousHash: null,
    });
    expect(history[0].causationId).toEqual(expect.any(String));
    history.forEach((e, i) => {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(e.previousHash).toBe(history[i - 1].hash);
    });
  });

  it('shows a court act with its agency, docket number and effective date', () => {
    const ruling = history[3];
    expect(ruling.actor).toEqual({
      id: 'court-zhangdian',
      role: 'COURT',
      agency: '淄博市张店区人民法院',
    });
    expect(ruling.occurredAt).toBe('2025-11-01T00:00:00+08:00');
    expect(Date.parse(ruling.recordedAt)).toBeGreaterThan(Date.parse(history[2].recordedAt));
    expect(ruling.data).toMatchObject({
      docketNumber: '(2025)鲁0303民特45号',
      effectiveOn: '2025-11-01',
      revokedGuardian: { kind: 'PARENT', name: '*力' },
      newGuardian: { kind: 'CIVIL_AFFAIRS', name: '淄博市张店区民政局' },
    });
  });

  it('masks the child and the guardians who are persons, for every reader', async () => {
    const admin = app.token('ADMIN');
    const asAdmin = dataOf(
      await app.gql<{ caseHistory: HistoryEvent[] }>(CASE_HISTORY, { caseId }, admin),
    ).caseHistory;
    for (const seen of [history, asAdmin]) {
      const text = JSON.stringify(seen);
      for (const secret of [idNumber, CHILD, '王晓艺', FATHER]) expect(text).not.toContain(secret);
      expect(seen[0].data).toMatchObject({
        child: { name: '*艺', idNumber: maskIdNumber(idNumber) },
        guardian: { kind: 'PARENT', name: '*力', relation: 'father' },
      });
      expect(seen[2].data).toMatchObject({
        field: 'name',
        from: '*艺',
        to: '*艺',
        reason: '户口簿为准',
        correctsRevision: 0,
      });
    }
  });

  it.each([
    ['CHILD_DIRECTOR', ['370303101']],
    ['SUPERVISOR', ['370303101']],
    ['CIVIL_AFFAIRS', ['3703']],
    ['COURT', ['*']],
    ['AUDITOR', ['3301']],
  ] as const)('is refused to %s in %j', async (role, regions) => {
    const response = await app.gql(CASE_HISTORY, { caseId }, app.token(role, [...regions]));
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
  });

  it('answers NOT_FOUND for an unknown case and UNAUTHENTICATED without a token', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(await app.gql(CASE_HISTORY, { caseId: unknown }, auditor))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(CASE_HISTORY, { caseId }))).toBe('UNAUTHENTICATED');
  });

  describe('a correction names a revision of the real stream', () => {
    it('refuses a revision the case does not have, naming every bad field', async () => {
      const response = await correct({
        field: 'name',
        to: '王小一',
        reason: ' ',
        correctsRevision: 9,
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      const fields = response.errors![0].extensions!.fields!.map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['input.correctsRevision', 'input.reason']));
      expect(JSON.stringify(response)).not.toContain('王小一');
    });

    it('refuses an event that did not record the field', async () => {
      const response = await correct({
        field: 'name',
        to: '王小一',
        reason: '更正',
        correctsRevision: 1,
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions!.fields).toEqual([
        { field: 'input.correctsRevision', message: 'names an event that did not record name' },
      ]);
    });

    it('is FORBIDDEN outside the regions whatever the revision', async () => {
      const elsewhere = app.token('SUPERVISOR', ['3301']);
      const response = await correct(
        { field: 'name', to: '王小一', reason: '更正', correctsRevision: 9 },
        elsewhere,
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
    });

    it('accepts an earlier correction of the same field, and history keeps both', async () => {
      const response = await correct({
        field: 'name',
        to: '王小艺',
        reason: '再次核对',
        correctsRevision: 2,
      });
      expect(dataOf(response).correctCase.revision).toBe(4);
      const after = dataOf(
        await app.gql<{ caseHistory: HistoryEvent[] }>(CASE_HISTORY, { caseId }, auditor),
      ).caseHistory;
      expect(after.slice(0, 4)).toEqual(history);
      expect(after[4]).toMatchObject({ type: 'CaseCorrected', data: { correctsRevision: 2 } });
    });
  });
});

import { makeFictionalIdNumber } from '@app/domain';
import { AgencyActsService } from '../apps/api/src/agency/agency-acts.service';
import { KeyClaims } from '../apps/api/src/agency/idempotency/key-claims';
import { CaseCommandService } from '../apps/api/src/cases/case-command.service';
import { IdentityReservations } from '../apps/api/src/cases/identity-reservations';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import type { CasePolicy } from '@app/domain';
import { CommandPath } from '../apps/api/src/command/command-path';
import { mustMutate } from './support/cases-api';
import {
  AGENCY_ENV,
  caseEvents,
  COURT_NAME,
  eventStoreOf,
  identifyChild,
  postAct,
  PROCURATORATE_NAME,
} from './support/agency-api';
import { TestApp } from './support/test-app';

const DOCKET = '(2026)浙0102民特12号';
const AUNT = { kind: 'RELATIVE', name: '测试姨妈', relation: '姨妈' };
const BUREAU = { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' };

const GUARDIAN_QUERY = `query($id: ID!, $at: String) {
  case(id: $id, consistentWith: $at) { guardian { kind name } } }`;

describe('POST /agency/v1/guardianship-acts', () => {
  let app: TestApp;
  let court: string;
  let procuratorate: string;
  let seq = 100;
  let keys = 0;
  const key = () => `e2e-${++keys}`;
  const act = (
    name: string,
    child: { idNumber: string },
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> => ({
    act: name,
    childIdNumber: child.idNumber,
    docketNumber: DOCKET,
    decidedOn: '2026-03-01',
    effectiveOn: '2026-03-15',
    ...extra,
  });
  const head = () => eventStoreOf(app).headPosition();

  beforeAll(async () => {
    app = await TestApp.start(AGENCY_ENV);
    court = app.token('COURT', ['*'], { sub: 'court-shangcheng', agency: COURT_NAME });
    procuratorate = app.token('PROCURATORATE', ['3301'], { agency: PROCURATORATE_NAME });
  });
  afterAll(() => app.close());

  it("records the request's x-correlation-id on the act's event", async () => {
    const child = await identifyChild(app, seq++);
    const answer = await postAct(app, {
      token: court,
      key: key(),
      body: act('GUARDIANSHIP_REVOKED', child, { newGuardian: BUREAU }),
      headers: { 'x-correlation-id': 'court-system-4711' },
    });
    expect(answer.status).toBe(201);
    expect((await caseEvents(app, child.caseId)).at(-1)?.metadata).toMatchObject({
      correlationId: 'court-system-4711',
    });
  });

  describe('a court revokes the guardian, then appoints another', () => {
    it("shows in the case's guardian and in its history, with the court's name and docket number", async () => {
      const child = await identifyChild(app, seq++);
      const revoked = await postAct(app, {
        token: court,
        key: key(),
        body: act('GUARDIANSHIP_REVOKED', child, { newGuardian: BUREAU }),
      });
      expect(revoked.status).toBe(201);
      const appointed = await postAct(app, {
        token: court,
        key: key(),
        body: act('GUARDIAN_APPOINTED', child, {
          docketNumber: '(2026)浙0102民特15号',
          decidedOn: '2026-04-10',
          effectiveOn: '2026-04-10',
          newGuardian: AUNT,
        }),
      });
      expect(appointed.status).toBe(201);
      expect(appointed.body).toEqual({
        caseId: child.caseId,
        eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        revision: 2,
        position: expect.any(String),
      });

      const view = await app.gql<{ case: { guardian: unknown } }>(
        GUARDIAN_QUERY,
        { id: child.caseId, at: appointed.body.position },
        app.token('CIVIL_AFFAIRS', ['3301']),
      );
      expect(view.data?.case.guardian).toEqual({ kind: 'RELATIVE', name: '测试姨妈' });

      const events = (await caseEvents(app, child.caseId)).slice(1);
      expect(
        events.map((e) => ({
          id: e.id,
          type: e.type,
          revision: Number(e.revision),
          position: e.position,
          docketNumber: (e.data as { docketNumber: string }).docketNumber,
          agency: (e.data as { agency: string }).agency,
          actor: e.metadata.actor,
          occurredAt: e.metadata.occurredAt,
        })),
      ).toEqual([
        {
          id: revoked.body.eventId,
          type: 'GuardianshipRevoked',
          revision: 1,
          position: revoked.body.position,
          docketNumber: DOCKET,
          agency: COURT_NAME,
          actor: { id: 'court-shangcheng', role: 'COURT', agency: COURT_NAME },
          occurredAt: '2026-03-15T00:00:00+08:00',
        },
        {
          id: appointed.body.eventId,
          type: 'GuardianAppointed',
          revision: 2,
          position: appointed.body.position,
          docketNumber: '(2026)浙0102民特15号',
          agency: COURT_NAME,
          actor: { id: 'court-shangcheng', role: 'COURT', agency: COURT_NAME },
          occurredAt: '2026-04-10T00:00:00+08:00',
        },
      ]);
      expect(events[0].data).toMatchObject({
        revokedGuardian: { kind: 'PARENT', name: '测试母亲' },
        newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
      });
    });

    it('flags the categories for re-determination when only the state is left as guardian', async () => {
      const child = await identifyChild(app, seq++);
      const revoked = await postAct(app, {
        token: court,
        key: key(),
        body: act('GUARDIANSHIP_REVOKED', child),
      });
      expect(revoked.status).toBe(201);
      const { state } = await app.app.get(CaseCommandService).load(child.caseId);
      expect(
        state.status !== 'NONE' && [state.guardian, state.categoryRedeterminationNeeded],
      ).toEqual([null, true]);
    });

    it('records a late act at its business time, and restores the revoked guardian later', async () => {
      const child = await identifyChild(app, seq++);
      await mustMutate(
        app,
        'recordVisit',
        { caseId: child.caseId, visitedAt: '2026-03-20T10:00:00+08:00' },
        app.token('CIVIL_AFFAIRS', ['3301']),
      );
      const late = await postAct(app, {
        token: court,
        key: key(),
        body: act('GUARDIANSHIP_REVOKED', child, {
          decidedOn: '2026-02-01',
          effectiveOn: '2026-02-15',
        }),
      });
      expect(late.status).toBe(201);
      const restored = await postAct(app, {
        token: court,
        key: key(),
        body: {
          ...act('GUARDIANSHIP_RESTORED', child),
          caseId: child.caseId,
          childIdNumber: undefined,
        },
      });
      expect(restored.status).toBe(201);
      const events = await caseEvents(app, child.caseId);
      expect(events.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
        ['ChildIdentified', '2026-01-10T09:00:00+08:00'],
        ['VisitRecorded', '2026-03-20T10:00:00+08:00'],
        ['GuardianshipRevoked', '2026-02-15T00:00:00+08:00'],
        ['GuardianshipRestored', '2026-03-15T00:00:00+08:00'],
      ]);
      const view = await app.gql<{ case: { guardian: unknown } }>(
        GUARDIAN_QUERY,
        { id: child.caseId, at: restored.body.position },
        app.token('CIVIL_AFFAIRS', ['3301']),
      );
      expect(view.data?.case.guardian).toEqual({ kind: 'PARENT', name: '测试母亲' });
    });

    it("takes a procuratorate's petition and support, recorded with its name", async () => {
      const child = await identifyChild(app, seq++);
      const petition = await postAct(app, {
        token: procuratorate,
        key: key(),
        body: act('REVOCATION_PETITIONED', child, {
          docketNumber: '杭上检民公监〔2026〕1号',
          petitioner: BUREAU.name,
        }),
      });
      const support = await postAct(app, {
        token: procuratorate,
        key: key(),
        body: act('PROCURATORATE_SUPPORT_FILED', child, {
          docketNumber: '杭上检民支受〔2026〕2号',
        }),
      });
      expect([petition.status, support.status]).toEqual([201, 201]);
      const events = (await caseEvents(app, child.caseId)).slice(1);
      expect(
        events.map((e) => [e.type, (e.data as { agency: string }).agency, e.metadata.actor]),
      ).toEqual([
        [
          'RevocationPetitioned',
          PROCURATORATE_NAME,
          { id: 'procuratorate-1', role: 'PROCURATORATE', agency: PROCURATORATE_NAME },
        ],
        [
          'ProcuratorateSupportFiled',
          PROCURATORATE_NAME,
          { id: 'procuratorate-1', role: 'PROCURATORATE', agency: PROCURATORATE_NAME },
        ],
      ]);
    });
  });

  describe('idempotency', () => {
    it('answers the same key and body again with 200 and the original answer, writing nothing', async () => {
      const child = await identifyChild(app, seq++);
      const body = act('GUARDIANSHIP_REVOKED', child, { newGuardian: AUNT });
      const k = key();
      const first = await postAct(app, { token: court, key: k, body });
      const before = await head();
      // the same body with its keys in another order and an explicit null is the same request
      const { newGuardian, ...rest } = body;
      const again = await postAct(app, {
        token: court,
        key: k,
        body: { notes: null, newGuardian, ...rest },
      });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toEqual(first.body);
      expect(await head()).toBe(before);
    });

    it('refuses the same key with another body, or for another child: 409', async () => {
      const child = await identifyChild(app, seq++);
      const other = await identifyChild(app, seq++);
      const k = key();
      expect(
        (await postAct(app, { token: court, key: k, body: act('GUARDIANSHIP_REVOKED', child) }))
          .status,
      ).toBe(201);
      const before = await head();
      const otherBody = await postAct(app, {
        token: court,
        key: k,
        body: act('GUARDIANSHIP_REVOKED', child, { notes: '补充' }),
      });
      const otherChild = await postAct(app, {
        token: court,
        key: k,
        body: act('GUARDIANSHIP_REVOKED', other),
      });
      expect([otherBody.status, otherChild.status]).toEqual([409, 409]);
      expect(otherBody.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(otherChild.text).not.toContain(other.idNumber);
      expect(await head()).toBe(before);
    });

    it('keeps keys apart per agency', async () => {
      const child = await identifyChild(app, seq++);
      const k = key();
      const first = await postAct(app, {
        token: court,
        key: k,
        body: act('GUARDIANSHIP_REVOKED', child),
      });
      const otherCourt = app.token('COURT', ['*'], {
        sub: 'court-2',
        agency: '杭州市中级人民法院',
      });
      const second = await postAct(app, {
        token: otherCourt,
        key: k,
        body: act('GUARDIAN_APPOINTED', child, { newGuardian: AUNT }),
      });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.eventId).not.toBe(first.body.eventId);
    });

    it('writes exactly one event for concurrent duplicates, answering 201 once', async () => {
      const child = await identifyChild(app, seq++);
      const k = key();
      const body = act('GUARDIANSHIP_REVOKED', child, { newGuardian: BUREAU });
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => postAct(app, { token: court, key: k, body })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      const revocations = (await caseEvents(app, child.caseId)).filter(
        (e) => e.type === 'GuardianshipRevoked',
      );
      expect(revocations.map((e) => e.id)).toEqual([answers[0].body.eventId]);
    });

    it('writes one event even without the in-process lock (two API processes, one store)', async () => {
      const child = await identifyChild(app, seq++);
      const first = app.app.get(AgencyActsService);
      const second = new AgencyActsService(
        app.app.get(CaseCommandService),
        app.app.get(CommandPath),
        app.app.get(IdentityReservations),
        app.app.get(KeyClaims),
        eventStoreOf(app),
        app.app.get<Clock>(CLOCK),
        app.app.get<CasePolicy>(CASE_POLICY),
      );
      const principal = {
        id: 'court-1',
        role: 'COURT' as const,
        regions: [''],
        agency: COURT_NAME,
      };
      const body = act('GUARDIANSHIP_REVOKED', child, { newGuardian: BUREAU });
      const k = key();
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? first : second).record(principal, k, body, `corr-${i}`),
        ),
      );
      expect(new Set(outcomes.map((o) => o.result.eventId)).size).toBe(1);
      const revocations = (await caseEvents(app, child.caseId)).filter(
        (e) => e.type === 'GuardianshipRevoked',
      );
      expect(revocations.map((e) => e.id)).toEqual([outcomes[0].result.eventId]);
    });

    it('lets one of concurrent requests with different bodies win the key; the others get 409', async () => {
      const child = await identifyChild(app, seq++);
      const k = key();
      const answers = await Promise.all(
        ['一', '二', '三', '四'].map((notes) =>
          postAct(app, {
            token: court,
            key: k,
            body: act('GUARDIANSHIP_REVOKED', child, { notes }),
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
      const events = await caseEvents(app, child.caseId);
      expect(events.filter((e) => e.type === 'GuardianshipRevoked')).toHaveLength(1);
    });

    it('does not bind a key to a refused request', async () => {
      const orphan = await identifyChild(app, seq++, { guardian: null, categories: ['ORPHAN'] });
      const k = key();
      const refused = await postAct(app, {
        token: court,
        key: k,
        body: act('GUARDIANSHIP_REVOKED', orphan),
      });
      const appointed = await postAct(app, {
        token: court,
        key: k,
        body: act('GUARDIAN_APPOINTED', orphan, { newGuardian: BUREAU }),
      });
      expect([refused.status, appointed.status]).toEqual([422, 201]);
    });
  });

  describe('refusals', () => {
    it('400 names every bad field, the Idempotency-Key included', async () => {
      const before = await head();
      const answer = await postAct(app, {
        token: court,
        body: {
          act: 'GUARDIANSHIP_SUSPENDED',
          childIdNumber: '330102201001010013',
          docketNumber: '',
          decidedOn: '2026-02-30',
          effectiveOn: 'tomorrow',
          newGuardian: { kind: 'FRIEND', name: '' },
          notes: 42,
        },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('BAD_USER_INPUT');
      expect((answer.body.fields as { field: string }[]).map((f) => f.field)).toEqual([
        'Idempotency-Key',
        'act',
        'childIdNumber',
        'docketNumber',
        'decidedOn',
        'effectiveOn',
        'newGuardian.kind',
        'newGuardian.name',
        'notes',
      ]);
      expect(answer.text).not.toContain('330102201001010013');
      expect(await head()).toBe(before);
    });

    it.each([
      ['too long', 'k'.repeat(129)],
      ['not ASCII', 'clé'],
    ])('400 for an Idempotency-Key %s', async (_, badKey) => {
      const child = await identifyChild(app, seq++);
      const answer = await postAct(app, {
        token: court,
        key: badKey,
        body: act('GUARDIANSHIP_REVOKED', child),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.fields).toEqual([
        { field: 'Idempotency-Key', message: expect.any(String) },
      ]);
    });

    it('400 for the rules that need the case or the act: future decision, missing new guardian, two child references', async () => {
      const child = await identifyChild(app, seq++, { birthDate: '2020-01-01' });
      const nextYear = `${new Date().getUTCFullYear() + 1}-06-01`;
      const fieldsOf = async (body: unknown) =>
        (
          (await postAct(app, { token: court, key: key(), body })).body.fields as {
            field: string;
          }[]
        ).map((f) => f.field);
      expect(
        await fieldsOf(
          act('GUARDIANSHIP_REVOKED', child, {
            decidedOn: nextYear,
            effectiveOn: nextYear,
          }),
        ),
      ).toEqual(['decidedOn']);
      expect(await fieldsOf(act('GUARDIAN_APPOINTED', child))).toEqual(['newGuardian']);
      expect(
        await fieldsOf({ ...act('GUARDIANSHIP_REVOKED', child), caseId: child.caseId }),
      ).toEqual(['caseId']);
    });

    it.each([
      ['broken JSON', '{"act": "GUARDIANSHIP_REVOKED",'],
      ['an empty body', ''],
      ['a JSON array', '[]'],
      ['a JSON string', '"act"'],
    ])('400 for %s', async (_, text) => {
      const answer = await postAct(app, { token: court, key: key(), body: text });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'body' }] });
    });

    it('413 for a body over 64 KiB, and nothing stored', async () => {
      const child = await identifyChild(app, seq++);
      const before = await head();
      const answer = await postAct(app, {
        token: court,
        key: key(),
        body: act('GUARDIANSHIP_REVOKED', child, { notes: '注'.repeat(22_000) }),
      });
      expect(answer.status).toBe(413);
      expect(answer.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await head()).toBe(before);
    });

    it('415 for a body that is not JSON', async () => {
      const answer = await postAct(app, {
        token: court,
        key: key(),
        body: '<act/>',
        headers: { 'content-type': 'application/xml' },
      });
      expect(answer.status).toBe(415);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded'])(
      '415 for a %s body, which Fastify could parse but is no act',
      async (type) => {
        const child = await identifyChild(app, seq++);
        const before = await head();
        const answer = await postAct(app, {
          token: court,
          key: key(),
          body: type === 'text/plain' ? JSON.stringify(act('GUARDIANSHIP_REVOKED', child)) : 'a=1',
          headers: { 'content-type': type },
        });
        expect(answer.status).toBe(415);
        expect(answer.body).toEqual({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'send the body as application/json',
        });
        expect(await head()).toBe(before);
      },
    );

    it('404 for an unknown child, with no personal information in the answer', async () => {
      const unknown = { idNumber: makeFictionalIdNumber('330102', '2011-11-11', 999) };
      const byId = await postAct(app, {
        token: court,
        key: key(),
        body: act('GUARDIANSHIP_REVOKED', unknown),
      });
      const byCase = await postAct(app, {
        token: court,
        key: key(),
        body: {
          ...act('GUARDIANSHIP_REVOKED', unknown),
          childIdNumber: undefined,
          caseId: '00000000-0000-4000-8000-000000000000',
        },
      });
      expect([byId.status, byCase.status]).toEqual([404, 404]);
      expect(byId.body).toEqual({ code: 'NOT_FOUND', message: 'case not found' });
      expect(byId.text).not.toContain(unknown.idNumber);
    });

    it('401 without a token or with a bad one', async () => {
      const child = await identifyChild(app, seq++);
      const body = act('GUARDIANSHIP_REVOKED', child);
      const none = await postAct(app, { key: key(), body });
      const forged = await postAct(app, { token: `${court}x`, key: key(), body });
      const expired = await postAct(app, {
        token: app.token('COURT', ['*'], { agency: COURT_NAME, expiresIn: -120 }),
        key: key(),
        body,
      });
      expect([none.status, forged.status, expired.status]).toEqual([401, 401, 401]);
      expect(none.body.code).toBe('UNAUTHENTICATED');
    });

    it('403 for the wrong role for the act, a role outside the agency API, or a case outside the regions', async () => {
      const child = await identifyChild(app, seq++);
      const before = await head();
      const statusOf = async (token: string, name: string, extra: Record<string, unknown> = {}) =>
        (await postAct(app, { token, key: key(), body: act(name, child, extra) })).status;
      expect(await statusOf(procuratorate, 'GUARDIANSHIP_REVOKED')).toBe(403);
      expect(await statusOf(procuratorate, 'GUARDIAN_APPOINTED', { newGuardian: AUNT })).toBe(403);
      expect(await statusOf(court, 'REVOCATION_PETITIONED')).toBe(403);
      expect(await statusOf(court, 'PROCURATORATE_SUPPORT_FILED')).toBe(403);
      expect(await statusOf(app.token('CIVIL_AFFAIRS', ['*']), 'GUARDIANSHIP_REVOKED')).toBe(403);
      expect(await statusOf(app.token('ADMIN', ['*']), 'GUARDIANSHIP_REVOKED')).toBe(403);
      const zibo = app.token('COURT', ['3703'], { agency: '淄博市张店区人民法院' });
      expect(await statusOf(zibo, 'GUARDIANSHIP_REVOKED')).toBe(403);
      expect(await head()).toBe(before);
    });

    it('422 for an act the case does not allow: revoking or petitioning with no guardian, restoring with nobody revoked, appointing over a guardian', async () => {
      const orphan = await identifyChild(app, seq++, { guardian: null, categories: ['ORPHAN'] });
      const child = await identifyChild(app, seq++);
      const before = await head();
      const answers = await Promise.all([
        postAct(app, { token: court, key: key(), body: act('GUARDIANSHIP_REVOKED', orphan) }),
        postAct(app, {
          token: procuratorate,
          key: key(),
          body: act('REVOCATION_PETITIONED', orphan),
        }),
        postAct(app, { token: court, key: key(), body: act('GUARDIANSHIP_RESTORED', child) }),
        postAct(app, {
          token: court,
          key: key(),
          body: act('GUARDIAN_APPOINTED', child, { newGuardian: AUNT }),
        }),
      ]);
      expect(answers.map((a) => [a.status, a.body.code])).toEqual(
        Array(4).fill([422, 'ILLEGAL_TRANSITION']),
      );
      expect(answers[0].body.message).toMatch(/no guardian to revoke/);
      for (const answer of answers) {
        expect(answer.text).not.toContain(orphan.idNumber);
        expect(answer.text).not.toContain('测试');
      }
      expect(await head()).toBe(before);
    });
  });
});

import { status } from '@grpc/grpc-js';
import { makeFictionalIdNumber } from '@app/domain';
import {
  AGENCY_ENV,
  AgencyGrpcClient,
  caseEvents,
  COURT_NAME,
  eventStoreOf,
  freePort,
  grpcFields,
  identifyChild,
  postAct,
  PROCURATORATE_NAME,
} from './support/agency-api';
import { TestApp } from './support/test-app';

const DOCKET = '(2026)浙0102民特12号';

describe('agency.v1.GuardianshipActs over gRPC', () => {
  let app: TestApp;
  let client: AgencyGrpcClient;
  let court: string;
  let seq = 300;
  let keys = 0;
  const key = () => `grpc-${++keys}`;
  const act = (
    name: string,
    child: { idNumber: string },
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> => ({
    idempotencyKey: key(),
    act: name,
    childIdNumber: child.idNumber,
    docketNumber: DOCKET,
    decidedOn: '2026-03-01',
    effectiveOn: '2026-03-15',
    ...extra,
  });
  const head = () => eventStoreOf(app).headPosition();

  beforeAll(async () => {
    const port = await freePort();
    app = await TestApp.start({ ...AGENCY_ENV, GRPC_PORT: String(port) });
    await app.app.startAllMicroservices();
    client = new AgencyGrpcClient(port);
    court = app.token('COURT', ['*'], { sub: 'court-shangcheng', agency: COURT_NAME });
  });
  afterAll(async () => {
    client.close();
    await app.close();
  });

  it('records a revocation and an appointment with the court and docket, and replays a key', async () => {
    const child = await identifyChild(app, seq++);
    const revoke = act('GUARDIANSHIP_REVOKED', child);
    const revoked = await client.record(revoke, court);
    const appointed = await client.record(
      act('GUARDIAN_APPOINTED', child, {
        newGuardian: { kind: 'WELFARE_INSTITUTION', name: '杭州市儿童福利院' },
      }),
      court,
    );
    expect(revoked).toEqual({
      ok: true,
      response: {
        caseId: child.caseId,
        eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        revision: '1',
        position: expect.any(String),
        replayed: false,
      },
    });
    expect(appointed.ok && appointed.response.revision).toBe('2');

    const before = await head();
    const replay = await client.record(revoke, court);
    expect(replay).toEqual({
      ok: true,
      response: { ...(revoked.ok ? revoked.response : {}), replayed: true },
    });
    expect(await head()).toBe(before);

    const events = (await caseEvents(app, child.caseId)).slice(1);
    expect(
      events.map((e) => [
        e.type,
        (e.data as { docketNumber: string }).docketNumber,
        e.metadata.actor,
      ]),
    ).toEqual([
      [
        'GuardianshipRevoked',
        DOCKET,
        { id: 'court-shangcheng', role: 'COURT', agency: COURT_NAME },
      ],
      ['GuardianAppointed', DOCKET, { id: 'court-shangcheng', role: 'COURT', agency: COURT_NAME }],
    ]);
  });

  it('shares idempotency keys with the HTTP API: the same act sent both ways is one act', async () => {
    const child = await identifyChild(app, seq++);
    const { idempotencyKey, ...body } = act('GUARDIANSHIP_REVOKED', child);
    const http = await postAct(app, { token: court, key: String(idempotencyKey), body });
    const grpc = await client.record({ idempotencyKey, ...body }, court);
    expect(http.status).toBe(201);
    expect(grpc.ok && grpc.response).toEqual({
      ...http.body,
      revision: String(http.body.revision),
      replayed: true,
    });
  });

  it('ALREADY_EXISTS for a key reused with another request', async () => {
    const child = await identifyChild(app, seq++);
    const first = act('GUARDIANSHIP_REVOKED', child);
    expect((await client.record(first, court)).ok).toBe(true);
    const reused = await client.record({ ...first, notes: '另一份' }, court);
    expect(reused).toMatchObject({ ok: false, code: status.ALREADY_EXISTS });
  });

  it('INVALID_ARGUMENT naming every bad field, the key included', async () => {
    const before = await head();
    const answer = await client.record(
      {
        act: 'GUARDIAN_APPOINTED',
        childIdNumber: '330102201001010013',
        decidedOn: '2026-02-30',
        newGuardian: { kind: 'GUARDIAN_KIND_UNSPECIFIED', name: '' },
      },
      court,
    );
    expect(answer).toMatchObject({ ok: false, code: status.INVALID_ARGUMENT });
    expect(grpcFields(answer)).toEqual([
      'Idempotency-Key',
      'childIdNumber',
      'docketNumber',
      'decidedOn',
      'effectiveOn',
      'newGuardian.kind',
      'newGuardian.name',
    ]);
    expect(JSON.stringify(answer)).not.toContain('330102201001010013');
    expect(await head()).toBe(before);
  });

  it('INVALID_ARGUMENT for an unspecified act', async () => {
    const child = await identifyChild(app, seq++);
    const answer = await client.record(act('GUARDIANSHIP_ACT_UNSPECIFIED', child), court);
    expect(answer).toMatchObject({ ok: false, code: status.INVALID_ARGUMENT });
    expect(grpcFields(answer)).toEqual(['act']);
  });

  it('RESOURCE_EXHAUSTED for a request over 64 KiB, and nothing stored', async () => {
    const child = await identifyChild(app, seq++);
    const before = await head();
    const answer = await client.record(
      act('GUARDIANSHIP_REVOKED', child, { notes: '注'.repeat(22_000) }),
      court,
    );
    expect(answer).toMatchObject({ ok: false, code: status.RESOURCE_EXHAUSTED });
    expect(await head()).toBe(before);
  });

  it('NOT_FOUND for an unknown child, with no personal information', async () => {
    const unknown = { idNumber: makeFictionalIdNumber('330102', '2011-11-11', 998) };
    const answer = await client.record(act('GUARDIANSHIP_REVOKED', unknown), court);
    expect(answer).toMatchObject({ ok: false, code: status.NOT_FOUND, message: 'case not found' });
    expect(JSON.stringify(answer)).not.toContain(unknown.idNumber);
  });

  it('UNAUTHENTICATED without a token or with a bad one', async () => {
    const child = await identifyChild(app, seq++);
    const none = await client.record(act('GUARDIANSHIP_REVOKED', child));
    const forged = await client.record(act('GUARDIANSHIP_REVOKED', child), `${court}x`);
    expect([none, forged]).toMatchObject([
      { ok: false, code: status.UNAUTHENTICATED },
      { ok: false, code: status.UNAUTHENTICATED },
    ]);
  });

  it('PERMISSION_DENIED for the wrong role for the act', async () => {
    const child = await identifyChild(app, seq++);
    const procuratorate = app.token('PROCURATORATE', ['*'], { agency: PROCURATORATE_NAME });
    const asProcuratorate = await client.record(act('GUARDIANSHIP_REVOKED', child), procuratorate);
    const asCourt = await client.record(act('REVOCATION_PETITIONED', child), court);
    expect([asProcuratorate, asCourt]).toMatchObject([
      { ok: false, code: status.PERMISSION_DENIED },
      { ok: false, code: status.PERMISSION_DENIED },
    ]);
  });

  it('FAILED_PRECONDITION for an illegal act: revoking when there is no guardian', async () => {
    const orphan = await identifyChild(app, seq++, { guardian: null, categories: ['ORPHAN'] });
    const answer = await client.record(act('GUARDIANSHIP_REVOKED', orphan), court);
    expect(answer).toMatchObject({ ok: false, code: status.FAILED_PRECONDITION });
    expect(!answer.ok && answer.metadata.get('contract-code')).toEqual(['ILLEGAL_TRANSITION']);
  });
});

import { status } from '@grpc/grpc-js';
import {
  AgencyGrpcClient,
  COURT_NAME,
  freePort,
  identifyChild,
  postAct,
  PROCURATORATE_NAME,
} from './support/agency-api';
import { TestApp } from './support/test-app';

/** The agency API is limited per principal over both transports together; other principals are not affected. */
describe('agency API rate limit', () => {
  let app: TestApp;
  let client: AgencyGrpcClient;
  beforeAll(async () => {
    const port = await freePort();
    app = await TestApp.start({ RATE_LIMIT_AGENCY_PER_MINUTE: '2', GRPC_PORT: String(port) });
    await app.app.startAllMicroservices();
    client = new AgencyGrpcClient(port);
  });
  afterAll(async () => {
    client.close();
    await app.close();
  });

  const act = (child: { idNumber: string }) => ({
    act: 'REVOCATION_PETITIONED',
    childIdNumber: child.idNumber,
    docketNumber: '(2026)浙0102民特7号',
    decidedOn: '2026-03-01',
    effectiveOn: '2026-03-01',
  });

  it('answers 429 with Retry-After over HTTP past the quota', async () => {
    const child = await identifyChild(app, 801);
    const token = app.token('PROCURATORATE', ['*'], { sub: 'p-http', agency: '上城区人民检察院' });
    for (let i = 0; i < 2; i++)
      expect((await postAct(app, { token, key: `h-${i}`, body: act(child) })).status).not.toBe(429);
    const limited = await postAct(app, { token, key: 'h-2', body: act(child) });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED' });
    const other = app.token('PROCURATORATE', ['*'], { sub: 'p-other', agency: '上城区人民检察院' });
    expect((await postAct(app, { token: other, key: 'o-1', body: act(child) })).status).not.toBe(
      429,
    );
  });

  it('answers RESOURCE_EXHAUSTED over gRPC past the quota', async () => {
    const child = await identifyChild(app, 802);
    const token = app.token('COURT', ['*'], { sub: 'c-grpc', agency: COURT_NAME });
    const request = (key: string) => ({
      idempotencyKey: key,
      ...act(child),
      act: 'GUARDIANSHIP_REVOKED',
      newGuardian: { kind: 'CIVIL_AFFAIRS', name: '民政局' },
    });
    await client.record(request('g-0'), token);
    await client.record(request('g-1'), token);
    const limited = await client.record(request('g-2'), token);
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it('counts a REST act and a gRPC act against one allowance, and refuses in the documented shape', async () => {
    const child = await identifyChild(app, 901);
    const token = app.token('PROCURATORATE', ['*'], { sub: 'shared', agency: PROCURATORATE_NAME });
    const act = {
      act: 'REVOCATION_PETITIONED',
      childIdNumber: child.idNumber,
      docketNumber: '(2026)浙0102民特9号',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-01',
    };
    expect((await postAct(app, { token, key: 'r-1', body: act })).status).toBe(201);
    expect((await client.record({ idempotencyKey: 'g-1', ...act }, token)).ok).toBe(true);
    const limited = await postAct(app, { token, key: 'r-2', body: act });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
    const viaGrpc = await client.record({ idempotencyKey: 'g-2', ...act }, token);
    expect(viaGrpc.ok).toBe(false);
    // another principal of the same agency is not affected
    const other = app.token('PROCURATORATE', ['*'], { sub: 'other', agency: PROCURATORATE_NAME });
    expect((await postAct(app, { token: other, key: 'o-1', body: act })).status).toBe(201);
  });
});

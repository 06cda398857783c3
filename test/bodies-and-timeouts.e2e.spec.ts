import { connect } from 'node:net';
import { credentials, Client, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { ACTS_PATH, freePort, postAct } from './support/agency-api';
import { TestApp, codeOf } from './support/test-app';

describe('bodies and timeouts', () => {
  let app: TestApp;
  let grpcPort: number;
  beforeAll(async () => {
    grpcPort = await freePort();
    app = await TestApp.start({ REQUEST_TIMEOUT_MS: '1000', GRPC_PORT: String(grpcPort) });
    await app.app.startAllMicroservices();
  });
  afterAll(() => app.close());

  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('refuses JSON nested deeper than 32 levels with 400 on the agency API, before class-transformer', async () => {
    const token = app.token('COURT', ['*'], { agency: '法院' });
    const body = `{"act":"GUARDIANSHIP_REVOKED","notes":${nested(1500)}}`; // 3 KB
    const answer = await postAct(app, { token, key: 'deep', body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.any(String),
      fields: [{ field: 'body', message: 'the body is nested deeper than 32 levels' }],
    });
    // 32 levels is fine (and then refused for what it says)
    const shallow = await postAct(app, { token, key: 'shallow', body: `{"notes":${nested(31)}}` });
    expect(shallow.status).toBe(400);
    expect((shallow.body.fields as { field: string }[]).map((f) => f.field)).toContain('notes');
  });

  it('refuses deeply nested GraphQL variables with 400 BAD_REQUEST', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${app.token('ADMIN')}`,
      },
      body: `{"query":"{ __typename }","variables":{"a":${nested(1500)}}}`,
    });
    expect(response.status).toBe(400);
    expect(codeOf({ status: 400, ...((await response.json()) as { data: null }) })).toBe(
      'BAD_REQUEST',
    );
  });

  it('cuts off a body that trickles in at REQUEST_TIMEOUT_MS, while others are answered', async () => {
    const { port } = new URL(app.url);
    const started = performance.now();
    const cut = new Promise<string>((done, fail) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST ${ACTS_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
            `Authorization: Bearer ${app.token('COURT', ['*'])}\r\nContent-Length: 1000\r\n\r\n{`,
        );
      });
      // a byte every 200 ms: never idle, never done
      const drip = setInterval(() => socket.writable && socket.write(' '), 200);
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => (clearInterval(drip), done(text)));
      socket.on('error', (error) => (clearInterval(drip), fail(error)));
    });
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    const answer = await cut;
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
    // REQUEST_TIMEOUT_MS is 1 s here; Node checks it every 250 ms (it took 88 s before)
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('answers INVALID_ARGUMENT to a gRPC message that does not decode', async () => {
    const client = new Client(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${app.token('COURT', ['*'])}`);
    const error = await new Promise<ServiceError | null>((done) =>
      client.makeUnaryRequest(
        '/agency.v1.GuardianshipActs/RecordGuardianshipAct',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), // field 1, a length past the end
        metadata,
        (e) => done(e),
      ),
    );
    client.close();
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.metadata.get('contract-code')).toEqual(['BAD_USER_INPUT']);
  });
});

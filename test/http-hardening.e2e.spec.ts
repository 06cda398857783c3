import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { makeFictionalIdNumber } from '@app/domain';
import { MUTATIONS } from './support/cases-api';
import { TestApp } from './support/test-app';

describe('HTTP hardening', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '3',
      NODE_ENV: 'production',
      AUDIT_SIGNING_KEY: 'an-audit-signing-key-of-32-bytes-or-more',
      PERSONAL_DATA_KEY: 'cd'.repeat(32),
      REQUEST_TIMEOUT_MS: '400',
    });
  });
  afterAll(() => app.close());

  it('sends security headers', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-xss-protection')).toBeNull(); // HTML-only headers are not sent
  });

  it('refuses a body over 1 MiB with 413 before parsing it', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ __typename }',
        variables: { pad: 'x'.repeat(1024 * 1024) },
      }),
    });
    expect(response.status).toBe(413);
  });

  /**
   * POSTs `pieces` to /graphql as a stream: chunked, with no Content-Length, each on a connection
   * of its own (a pooled one could be the socket a refused upload left to close).
   */
  const postChunked = (pieces: () => string | undefined) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((done, fail) => {
      const request = httpRequest(`${app.url}/graphql`, {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${app.token('ADMIN')}`,
        },
      });
      let answered = false;
      let lastError: Error | undefined;
      request.on('response', (response) => {
        answered = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, text }),
        );
      });
      // the server may answer (413) and close before the whole body is written: a write error
      // then follows its answer, and counts only when no answer came
      request.on('error', (error) => (lastError = error));
      request.on('close', () => {
        if (!answered) fail(lastError ?? new Error('the connection closed without an answer'));
      });
      const writeNext = (): void => {
        const piece = pieces();
        if (piece === undefined) request.end();
        else if (request.write(piece)) setImmediate(writeNext);
        else request.once('drain', writeNext);
      };
      writeNext();
    });

  it('counts a chunked body (no Content-Length) and refuses it past 1 MiB with 413', async () => {
    const pad = 'x'.repeat(64 * 1024);
    let sent = -1;
    const response = await postChunked(() => {
      sent += 1;
      if (sent === 0) return '{"query":"{ __typename }","pad":"';
      if (sent <= 18) return pad; // 1,152 KiB in all
      return sent === 19 ? '"}' : undefined;
    });
    expect(response.status).toBe(413);
    // the rest of the body is not read: the connection is not offered for another request
    expect(response.headers.connection).toBe('close');
  });

  it('answers a small chunked body as usual', async () => {
    const pieces = ['{"query":', '"{ __typename }"}'];
    const response = await postChunked(() => pieces.shift());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('cuts off a request that does not arrive in time (slow clients do not hold connections)', async () => {
    const { host, port } = new URL(app.url);
    const answer = await new Promise<string>((done, fail) => {
      const socket = connect(Number(port), host.split(':')[0], () =>
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => done(text));
      socket.on('error', fail);
    });
    // the server closed the connection on its own (with a 408 or without a word)
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
  });

  it('serves no GraphiQL in production unless enabled', async () => {
    expect((await fetch(`${app.url}/graphiql`)).status).toBe(404);
  });

  it('limits mutations per token with 429 and Retry-After, leaving queries and other tokens alone', async () => {
    const token = app.token('ADMIN', ['*'], { sub: 'busy' });
    const input = (seq: number) => ({
      idNumber: makeFictionalIdNumber('330102', '2015-03-03', seq),
      name: '限流',
      regionCode: '330102001001',
      source: 'VISIT',
      identifiedAt: '2026-01-01T10:00:00+08:00',
    });
    const send = (seq: number, t = token) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
        body: JSON.stringify({ query: MUTATIONS.identifyChild, variables: { input: input(seq) } }),
      });
    for (let i = 0; i < 3; i++) expect((await send(i)).status).toBe(200);
    const limited = await send(3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      ((await limited.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
        .extensions.code,
    ).toBe('RATE_LIMITED');

    const query = await app.gql(
      '{ case(id: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      token,
    );
    expect(query.status).toBe(200);
    expect((await send(4, app.token('ADMIN', ['*'], { sub: 'other' }))).status).toBe(200);
  });
});

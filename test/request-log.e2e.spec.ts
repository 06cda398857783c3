import { makeFictionalIdNumber } from '@app/domain';
import { MUTATIONS } from './support/cases-api';
import { ServerProcess } from './support/server-process';

interface RequestLine {
  msg: string;
  reqId: string;
  method: string;
  path: string;
  statusCode: number;
  responseTimeMs: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The real process's stdout at LOG_LEVEL=info: one line per answered request. */
describe('the request log', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await ServerProcess.start();
  });
  afterAll(async () => {
    await server?.stop();
    server?.removeData();
  });

  const requestLines = (): RequestLine[] =>
    server.logs
      .split('\n')
      .filter((line) => line.includes('"request completed"'))
      .map((line) => JSON.parse(line) as RequestLine);

  it('writes method, path without the query string, status and time, under the correlation id', async () => {
    const idNumber = makeFictionalIdNumber('330102', '2013-03-03', 41);
    await fetch(`${server.url}/graphql?idNumber=${idNumber}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': 'log-line-1',
        authorization: `Bearer ${server.token('ADMIN')}`,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await fetch(`${server.url}/health`);
    await server.stop(); // flushes stdout

    const lines = requestLines();
    const graphql = lines.find((l) => l.reqId === 'log-line-1');
    expect(graphql).toMatchObject({ method: 'POST', path: '/graphql', statusCode: 200 });
    expect(graphql!.responseTimeMs).toBeGreaterThanOrEqual(0);
    const health = lines.find((l) => l.path === '/health');
    expect(health?.reqId).toMatch(UUID); // no header: a new id
    expect(server.logs).not.toContain(idNumber);
  });
});

describe('the request id', () => {
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    server?.removeData();
  });

  it('is the correlation id the events of the request carry', async () => {
    server = await ServerProcess.start();
    const director = server.token('CHILD_DIRECTOR', ['330102'], 'director-request-id');
    const input = {
      idNumber: makeFictionalIdNumber('330102', '2014-04-04', 42),
      name: '日志',
      regionCode: '330102001001',
      source: 'HOTLINE',
      identifiedAt: '2026-01-02T10:00:00+08:00',
      categories: ['DE_FACTO_UNSUPPORTED'],
    };
    const answer = await server.gql<{ identifyChild: { caseId: string } }>(
      MUTATIONS.identifyChild,
      { input },
      director,
    );
    const caseId = answer.data!.identifyChild.caseId;
    const history = await server.gql<{ caseHistory: { correlationId: string }[] }>(
      'query($id: ID!) { caseHistory(caseId: $id) { correlationId } }',
      { id: caseId },
      server.token('AUDITOR'),
    );
    const correlationId = history.data!.caseHistory[0].correlationId;
    expect(correlationId).toMatch(UUID);
    await server.stop();
    const lines = server.logs.split('\n').filter((l) => l.includes(correlationId));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'request completed',
      method: 'POST',
      path: '/graphql',
    });
  });
});

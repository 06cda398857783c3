import { serverAudits, type AuditResult } from 'graphql-http';
import { TestApp } from './support/test-app';

/**
 * graphql-http's own audit suite (the GraphQL over HTTP spec's MUST, SHOULD and MAY) against the
 * running server, with a bearer token on every request (the server answers 401 before parsing
 * without one). No `error` may be left; every `warn` left must be one docs/api.md explains.
 */
const EXPLAINED_WARNINGS: Record<string, string> = {};

describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  let app: TestApp;
  let results: { id: string; name: string; result: AuditResult }[];
  beforeAll(async () => {
    app = await TestApp.start();
    const token = app.token('ADMIN');
    const audits = serverAudits({
      url: `${app.url}/graphql`,
      fetchFn: (input: string | URL | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    });
    results = [];
    for (const audit of audits)
      results.push({ id: audit.id, name: audit.name, result: await audit.fn() });
  });
  afterAll(() => app.close());

  const where = (status: AuditResult['status']) =>
    results
      .filter((r) => r.result.status === status)
      .map((r) => `${r.id} ${r.name}: ${'reason' in r.result ? r.result.reason : ''}`);

  it('runs the whole suite', () => {
    expect(results.length).toBeGreaterThan(50);
  });

  it('leaves no error (every MUST holds)', () => {
    expect(where('error')).toEqual([]);
  });

  it('leaves only the warnings docs/api.md explains', () => {
    const left = results.filter((r) => r.result.status === 'warn').map((r) => r.id);
    expect(left.sort()).toEqual(Object.keys(EXPLAINED_WARNINGS).sort());
  });
});

describe('GraphQL requests that are not GraphQL requests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const post = async (body: unknown) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${app.token('ADMIN')}`,
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    return { status: response.status, code: json.errors?.[0]?.extensions.code, json };
  };

  it.each([
    ['no query', { variables: {} }],
    ['a number', { query: 1 }],
    ['an object', { query: { kind: 'Document' } }],
    ['an array', { query: ['{ __typename }'] }],
    ['null', { query: null }],
    ['a bad operationName', { query: '{ __typename }', operationName: 7 }],
    ['variables as an array', { query: '{ __typename }', variables: [1] }],
    ['a string body', '{ __typename }'],
    ['a batch item without query', [{ query: '{ __typename }' }, {}]],
  ])('answers %s with 400 BAD_REQUEST, a client error', async (_what, body) => {
    expect(await post(body)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('accepts "extensions": null and "variables": null', async () => {
    const answer = await post({ query: '{ __typename }', variables: null, extensions: null });
    expect(answer).toMatchObject({ status: 200, json: { data: { __typename: 'Query' } } });
  });
});

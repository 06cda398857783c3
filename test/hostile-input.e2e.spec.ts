import { getIntrospectionQuery } from 'graphql';
import { TestApp, codeOf } from './support/test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * Hostile GraphQL requests, each sized so that a pass that grows faster than the document would
 * take many seconds, sent while a cheap request from someone else waits: both must be answered
 * in a moment (a generous bound for a loaded machine; the linear passes take milliseconds).
 */
describe('hostile GraphQL requests', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await TestApp.start();
    token = app.token('ADMIN', ['*'], { sub: 'hostile' });
  });
  afterAll(() => app.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  /** Sends `hostile`, then at once a cheap `case(id)` of another caller; both answered within 3 s. */
  async function whileSomeoneWaits(hostile: () => Promise<Response>) {
    const started = performance.now();
    const attack = hostile().then(async (r) => ({ status: r.status, text: await r.text() }));
    const other = app.token('CIVIL_AFFAIRS', ['33'], { sub: 'bystander' });
    const cheap = app.gql(`{ case(id: "${UNKNOWN}") { id } }`, {}, other).then((r) => {
      return { code: codeOf(r), ms: performance.now() - started };
    });
    const [answer, waited] = await Promise.all([attack, cheap]);
    expect(waited.code).toBe('NOT_FOUND');
    expect(waited.ms).toBeLessThan(3000);
    expect(performance.now() - started).toBeLessThan(3000);
    return answer;
  }

  it('answers half a megabyte of escaped quotes without a token with 401, scanning nothing', async () => {
    const query = `mutation { a } "${'\\"'.repeat(200_000)}`;
    const answer = await whileSomeoneWaits(() => post(JSON.stringify({ query })));
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the same body with a token as too large, before parsing it', async () => {
    const query = `mutation { a } "${'\\"'.repeat(200_000)}`;
    const answer = await whileSomeoneWaits(() =>
      post(JSON.stringify({ query }), { authorization: `Bearer ${token}` }),
    );
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
  });

  it('costs fragments that each spread the next one twice as graphql runs them: once (2^40 walks otherwise)', async () => {
    let query = '{ ...F0 }';
    for (let i = 0; i < 40; i++) query += ` fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`;
    query += ` fragment F40 on Query { cases(first: 1) { totalCount } }`;
    expect(query.length).toBeLessThan(2048);
    const answer = await whileSomeoneWaits(() =>
      post(JSON.stringify({ query }), { authorization: `Bearer ${token}` }),
    );
    expect(JSON.parse(answer.text).errors).toBeUndefined();
  });

  it('costs a field asked under 300 names 300 times, walking its fragment once', async () => {
    const aliases = Array.from(
      { length: 300 },
      (_, i) => ` a${i}: cases(first: 200) { ...C }`,
    ).join('');
    const query = `{ ${aliases} } fragment C on CaseConnection { totalCount }`;
    const answer = await whileSomeoneWaits(() =>
      post(JSON.stringify({ query }), { authorization: `Bearer ${token}` }),
    );
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses a fragment cycle without following it', async () => {
    const query = '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }';
    const answer = await whileSomeoneWaits(() =>
      post(JSON.stringify({ query }), { authorization: `Bearer ${token}` }),
    );
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('costs introspection by the size of the schema and refuses what outgrows the budget', async () => {
    const types =
      'types { fields { args { name } type { fields { name args { name } type { name } } } } }';
    const aliases = Array.from({ length: 70 }, (_, i) => ` t${i}: ${types}`).join('');
    const query = `{ __schema { ${aliases} } }`;
    const answer = await whileSomeoneWaits(() =>
      post(JSON.stringify({ query }), { authorization: `Bearer ${token}` }),
    );
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses introspection nested past what schema tools ask for', async () => {
    let inner = 'name';
    for (let i = 0; i < 40; i++) inner = `name fields { type { ${inner} } }`;
    const query = `{ __schema { types { ${inner} } } }`;
    const answer = await whileSomeoneWaits(() =>
      post(JSON.stringify({ query }), { authorization: `Bearer ${token}` }),
    );
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('GraphQL costs only what runs, by the real size of its lists', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await TestApp.start();
    token = app.token('ADMIN');
  });
  afterAll(() => app.close());

  const heavy = `cases(first: 200) { edges { node { id status regionCode categories riskLevel birthDate
    caseworkerId nextVisitDue revision guardian { kind name } child { idNumberMasked }
    programmes { programme from to monthlyAmount coverageShare fastTrack } } } }`;

  it('loads the standard introspection query (GraphiQL, depth 15) with the default limits', async () => {
    const answer = await app.gql(getIntrospectionQuery({ descriptions: true }), {}, token);
    expect(answer.errors).toBeUndefined();
    expect(
      (answer.data as { __schema: { types: unknown[] } }).__schema.types.length,
    ).toBeGreaterThan(20);
  });

  it('refuses a negative page size in an operation that does not run (it lowered the cost of the one that does)', async () => {
    const document = `query Cheap { cases(first: -1000000) { totalCount } }
      query Costly { a: ${heavy} b: ${heavy} }`;
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document, operationName: 'Costly' }),
    });
    const body = (await response.json()) as {
      errors: { extensions: { code: string; fields?: { field: string }[] } }[];
    };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.fields).toEqual([
      { field: 'first', message: 'must be between 1 and 200' },
    ]);
  });

  it('costs only the operation that runs: a cheap one beside a costly one goes through', async () => {
    const document = `query Cheap { cases(first: 1) { totalCount } }
      query Costly { a: ${heavy} b: ${heavy} c: ${heavy} }`;
    const run = async (operationName: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: document, operationName }),
      });
      return (await response.json()) as { errors?: { extensions: { code: string } }[] };
    };
    expect((await run('Cheap')).errors).toBeUndefined();
    expect((await run('Costly')).errors?.[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses a negative or zero page size from a variable as bad input', async () => {
    const query = 'query Page($n: Int) { cases(first: $n) { totalCount } }';
    expect(codeOf(await app.gql(query, { n: -5 }, token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(query, { n: 0 }, token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(query, { n: 201 }, token))).toBe('PAGE_TOO_LARGE');
  });
});

describe('a list without first is costed at its default page, not a guess', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ GRAPHQL_MAX_COST: '60' });
  });
  afterAll(() => app.close());

  it('costs cases without first as its default page of 20', async () => {
    const token = app.token('ADMIN');
    // 1 + 20 x (edges 1 + node 1 + id 1) = 61: over 60 (it was costed as 10 edges, 22)
    expect(codeOf(await app.gql('{ cases { edges { node { id } } } }', {}, token))).toBe(
      'QUERY_TOO_COSTLY',
    );
    expect(
      (await app.gql('{ cases(first: 19) { edges { node { id } } } }', {}, token)).errors,
    ).toBeUndefined();
  });
});

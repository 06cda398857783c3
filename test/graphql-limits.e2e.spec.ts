import { TestApp, codeOf } from './support/test-app';

describe('GraphQL limits', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await TestApp.start({
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_COST: '60',
      GRAPHQL_MAX_QUERY_BYTES: '2048',
      GRAPHQL_MAX_BATCH: '3',
    });
    token = app.token('ADMIN');
  });
  afterAll(() => app.close());

  const post = (body: unknown) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('refuses a query nested deeper than the limit', async () => {
    const deep = '{ cases { edges { node { programmes { programme } } } } }'; // 5 levels
    expect(codeOf(await app.gql(deep, {}, token))).toBe('QUERY_TOO_DEEP');
    // through fragments too
    const viaFragments =
      '{ ...A } fragment A on Query { cases { ...B } } fragment B on CaseConnection { edges { node { programmes { programme } } } }';
    expect(codeOf(await app.gql(viaFragments, {}, token))).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a query whose cost is over the budget, counting list sizes', async () => {
    const fields =
      'id status regionCode categories riskLevel birthDate caseworkerId nextVisitDue revision';
    const query = `{ a: case(id: "x") { ${fields} programmes { programme from to monthlyAmount coverageShare fastTrack } } }`;
    const response = await app.gql(query, {}, token);
    expect(codeOf(response)).toBe('QUERY_TOO_COSTLY');
  });

  it('answers a query within the limits (the refusal above is not a side effect of auth)', async () => {
    const response = await app.gql(
      '{ case(id: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      token,
    );
    expect(codeOf(response)).toBe('NOT_FOUND');
  });

  it('refuses an over-long query before parsing it', async () => {
    const response = await app.gql(`{ case(id: "${'x'.repeat(3000)}") { id } }`, {}, token);
    expect(codeOf(response)).toBe('QUERY_TOO_LARGE');
  });

  it('runs a batch within the cap and refuses a larger one whole', async () => {
    const one = { query: '{ case(id: "00000000-0000-4000-8000-000000000000") { id } }' };
    const ok = await post([one, one, one]);
    expect(((await ok.json()) as unknown[]).length).toBe(3);
    const tooMany = await post([one, one, one, one]);
    expect(tooMany.status).toBe(400);
    expect(
      ((await tooMany.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
        .extensions.code,
    ).toBe('BATCH_TOO_LARGE');
  });

  it('refuses a costly literal document every time it comes (its cost is remembered, not skipped)', async () => {
    const query = '{ cases(first: 100) { edges { node { id status } } } }';
    expect(codeOf(await app.gql(query, {}, token))).toBe('QUERY_TOO_COSTLY');
    expect(codeOf(await app.gql(query, {}, token))).toBe('QUERY_TOO_COSTLY');
  });
});

describe('GraphQL limits at their defaults', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('lets a page of 200 cases with their programmes through, and refuses first: 201', async () => {
    const page = (first: number) => `{ cases(first: ${first}) { totalCount edges { cursor node {
      id status regionCode categories riskLevel birthDate caseworkerId nextVisitDue revision
      guardian { kind name } child { idNumberMasked }
      programmes { programme from to monthlyAmount coverageShare fastTrack } } } pageInfo { hasNextPage endCursor } } }`;
    const token = app.token('ADMIN');
    expect((await app.gql(page(200), {}, token)).errors).toBeUndefined();
    expect(codeOf(await app.gql(page(201), {}, token))).toBe('PAGE_TOO_LARGE');
  });

  it('costs the same document again when its variables set the page size', async () => {
    const query = 'query Page($n: Int) { cases(first: $n) { totalCount } }';
    const token = app.token('ADMIN');
    expect((await app.gql(query, { n: 5 }, token)).errors).toBeUndefined();
    expect(codeOf(await app.gql(query, { n: 201 }, token))).toBe('PAGE_TOO_LARGE');
    expect((await app.gql(query, { n: 5 }, token)).errors).toBeUndefined();
  });
});

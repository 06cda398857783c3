import { makeFictionalIdNumber } from '@app/domain';
import { TestApp } from './support/test-app';

type Answer = { status: number; retryAfter: string | null; body: unknown };

/** GraphQL mutations are counted per verified principal, each one that runs, found by parsing. */
describe('GraphQL mutation rate limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '3' });
  });
  afterAll(() => app.close());

  let seq = 0;
  const identify = (alias = 'a') =>
    `${alias}: identifyChild(input: { idNumber: "${makeFictionalIdNumber('330102', '2015-03-03', ++seq)}",
      name: "限流", regionCode: "330102001001", source: VISIT, identifiedAt: "2026-01-01T10:00:00+08:00" }) { revision }`;
  const send = async (body: unknown, authorization: string): Promise<Answer> => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  };
  const codes = (answer: Answer) =>
    JSON.stringify(answer.body)
      .match(/"code":"(\w+)"/g)
      ?.map((c) => c.slice(8, -1)) ?? [];

  it('keys on the principal, not the header: bearer, BEARER and two spaces share one allowance', async () => {
    const token = app.token('ADMIN', ['*'], { sub: 'spelling' });
    for (const scheme of ['Bearer ', 'bearer ', 'BEARER  '])
      expect((await send({ query: `mutation { ${identify()} }` }, scheme + token)).status).toBe(
        200,
      );
    const again = app.token('ADMIN', ['*'], { sub: 'spelling' }); // another token, same principal
    const limited = await send({ query: `mutation { ${identify()} }` }, `Bearer  ${again}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect(codes(limited)).toEqual(['RATE_LIMITED']);
  });

  it('counts every aliased mutation of an operation', async () => {
    const token = `Bearer ${app.token('ADMIN', ['*'], { sub: 'aliases' })}`;
    const four = `mutation { ${identify('a')} ${identify('b')} ${identify('c')} ${identify('d')} }`;
    const limited = await send({ query: four }, token);
    expect(limited.status).toBe(429);
    const three = `mutation { ${identify('a')} ${identify('b')} ${identify('c')} }`;
    expect(codes(await send({ query: three }, token))).toEqual([]);
  });

  it('finds a mutation behind a comment holding a quote', async () => {
    const token = `Bearer ${app.token('ADMIN', ['*'], { sub: 'comment' })}`;
    const hidden = () => ({ query: `# "\nmutation { ${identify()} } # "` });
    for (let i = 0; i < 3; i++) expect((await send(hidden(), token)).status).toBe(200);
    expect((await send(hidden(), token)).status).toBe(429);
  });

  it('counts the mutations of every operation of a batch, and only the operation that runs', async () => {
    const token = `Bearer ${app.token('ADMIN', ['*'], { sub: 'batch' })}`;
    const unused = `mutation Unused { ${identify('x')} ${identify('y')} ${identify('z')} }`;
    const two = {
      query: `mutation Two { ${identify('a')} ${identify('b')} } ${unused}`,
      operationName: 'Two',
    };
    const batch = await send(
      [two, { query: `mutation { ${identify('c')} ${identify('d')} }` }],
      token,
    );
    expect(codes(batch)).toEqual(['RATE_LIMITED']); // 2 of 3 ran; the next 2 did not fit
    expect(codes(await send({ query: `mutation { ${identify()} }` }, token))).toEqual([]);
  });

  it('does not count queries', async () => {
    const token = `Bearer ${app.token('ADMIN', ['*'], { sub: 'reader' })}`;
    for (let i = 0; i < 5; i++)
      expect((await send({ query: '{ cases(first: 1) { totalCount } }' }, token)).status).toBe(200);
  });
});

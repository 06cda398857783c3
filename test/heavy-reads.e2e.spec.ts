import { DEFAULT_POLICY } from '@app/domain';
import { addDays, businessDateOf } from '@app/domain';
import { PRESETS } from '../tools/seed/regions';
import { planRegion } from '../tools/seed/seed-plan';
import { runSeed } from '../tools/seed/seed-runner';
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerProcess, SERVER_SECRET } from './support/server-process';
import { TestApp } from './support/test-app';

type Roll = {
  count: number;
  total: string;
  lines: { caseId: string; amount: string }[];
  linesPageInfo: { hasNextPage: boolean; endCursor: string | null };
};
const codeOf = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
  answer.errors?.[0]?.extensions?.code;
const fen = (yuan: string) => Math.round(Number(yuan) * 100);

/**
 * Zibo's 1,312 children seeded through the command path, then served by the API in its own
 * process: the payment roll paged and streamed, and heavy reads (rolls, pages of 200 cases) in a
 * sustained load that must not keep someone else's cheap `case(id)` waiting (a generous bound;
 * on one event loop none came back while the load ran).
 */
describe('heavy reads on a region', () => {
  let app: ServerProcess;
  let month: string;
  let caseId: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cases-heavy-'));
    const seeder = await TestApp.start(
      { RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000', AUTH_JWT_SECRET: SERVER_SECRET },
      dir,
    );
    const asOf = addDays(businessDateOf(new Date().toISOString()), -1);
    await runSeed(seeder.app, planRegion(PRESETS.zibo, { policy: DEFAULT_POLICY, seed: 7, asOf }), {
      concurrency: 32,
      asOf,
    });
    await seeder.close();
    app = await ServerProcess.start({ dataDir: dir, env: { LOG_LEVEL: 'silent' } });
    month = asOf.slice(0, 7);
    const ids = await app.gql<{ cases: { edges: { node: { id: string } }[] } }>(
      '{ cases(first: 1) { edges { node { id } } } }',
      {},
      app.token('ADMIN'),
    );
    caseId = ids.data!.cases.edges[0].node.id;
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    app.removeData();
  });

  const ROLL = `query Roll($month: String!, $first: Int, $after: String) {
    paymentRoll(regionCode: "3703", month: $month) {
      count total lines(first: $first, after: $after) { caseId amount }
      linesPageInfo { hasNextPage endCursor } } }`;

  it('pages the lines of the roll (first/after) while count and total cover all of it', async () => {
    const token = app.token('CIVIL_AFFAIRS', ['3703']);
    const seen: Roll['lines'] = [];
    let after: string | null = null;
    let roll: Roll;
    do {
      const answer = await app.gql<{ paymentRoll: Roll }>(
        ROLL,
        { month, first: 200, after },
        token,
      );
      expect(answer.errors).toBeUndefined();
      roll = answer.data!.paymentRoll;
      expect(roll.lines.length).toBeLessThanOrEqual(200);
      seen.push(...roll.lines);
      after = roll.linesPageInfo.endCursor;
    } while (roll.linesPageInfo.hasNextPage);
    expect(roll.count).toBeGreaterThan(400);
    expect(seen).toHaveLength(roll.count);
    expect(seen.reduce((sum, l) => sum + fen(l.amount), 0)).toBe(fen(roll.total));
    const first = await app.gql<{ paymentRoll: Roll }>(ROLL, { month }, token);
    expect(first.data!.paymentRoll.lines).toHaveLength(100); // the default page
  });

  it('refuses a page over the limit, below 1, or after a cursor of something else', async () => {
    const token = app.token('CIVIL_AFFAIRS', ['3703']);
    expect(codeOf(await app.gql(ROLL, { month, first: 201 }, token))).toBe('PAGE_TOO_LARGE');
    expect(codeOf(await app.gql(ROLL, { month, first: 0 }, token))).toBe('BAD_USER_INPUT');
    const bad = await app.gql(ROLL, { month, after: 'bm90IGEgY3Vyc29y' }, token);
    expect(bad.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after', message: 'not a cursor of this list' }],
    });
  });

  it('streams the whole roll as CSV: every line, then the total in a trailer', async () => {
    const token = app.token('CIVIL_AFFAIRS', ['3703']);
    const roll = (await app.gql<{ paymentRoll: Roll }>(ROLL, { month }, token)).data!.paymentRoll;
    const response = await fetch(
      `${app.url}/exports/payment-roll.csv?regionCode=3703&month=${month}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const rows = (await response.text()).trimEnd().split('\r\n');
    expect(rows).toHaveLength(roll.count + 2);
    // the total in a trailer, its amount column empty (a spreadsheet's sum counts it once)
    expect(rows.at(-1)).toBe(
      `TOTAL ${roll.total} yuan in ${roll.count} lines (3703 ${month}),,,,,`,
    );
  });

  it("answers someone else's case(id) at once while 50 connections of one token read rolls and pages of 200 cases", async () => {
    const heavy = app.token('CIVIL_AFFAIRS', ['3703'], 'heavy-reader');
    const cases = `{ cases(first: 200) { totalCount edges { node { id status regionCode categories
      riskLevel birthDate caseworkerId nextVisitDue revision guardian { kind name }
      child { idNumberMasked } programmes { programme from to monthlyAmount coverageShare fastTrack } } } } }`;
    let month = 0;
    const roll = () =>
      `{ paymentRoll(regionCode: "3703", month: "20${20 + (month % 6)}-0${1 + (month++ % 9)}") { count total lines { caseId amount } } }`;
    const post = (token: string) => ({
      url: `${app.url}/graphql`,
      duration: 4,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    const load = autocannon({
      ...post(heavy),
      connections: 50,
      requests: [
        { setupRequest: (r) => ({ ...r, body: JSON.stringify({ query: roll() }) }) },
        { setupRequest: (r) => ({ ...r, body: JSON.stringify({ query: cases }) }) },
      ],
    });
    const cheap = autocannon({
      ...post(app.token('SUPERVISOR', ['3703'], 'bystander')),
      connections: 2,
      body: JSON.stringify({ query: `{ case(id: "${caseId}") { id status } }` }),
    });
    const [heavyDone, cheapDone] = await Promise.all([load, cheap]);
    expect(heavyDone.non2xx).toBe(0);
    expect(heavyDone.requests.total).toBeGreaterThan(0);
    // on one event loop, not one of these came back within the 4 s (they queued behind the load)
    expect(cheapDone.non2xx).toBe(0);
    expect(cheapDone.requests.total).toBeGreaterThan(20);
    expect(cheapDone.latency.max).toBeLessThan(2000);
  }, 60_000);
});

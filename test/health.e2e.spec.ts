import { makeFictionalIdNumber } from '@app/domain';
import { mustMutate, mutate } from './support/cases-api';
import { TestApp } from './support/test-app';

describe('the running service', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('answers /health with its status and the event store head', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      eventStore: { headPosition: string | null };
    };
    expect(body.status).toBe('ok');
    expect(body.eventStore.headPosition).toBeNull();
  });

  it('serves Prometheus metrics', async () => {
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('process_cpu_user_seconds_total');
  });

  it('counts commands by name and outcome, with no personal information in the labels', async () => {
    const idNumber = makeFictionalIdNumber('370303', '2014-02-02', 5);
    const input = {
      idNumber,
      name: '指标',
      regionCode: '370303101001',
      source: 'VISIT',
      identifiedAt: '2026-01-01T10:00:00+08:00',
    };
    await mutate(app, 'identifyChild', input, app.token('ADMIN'));
    await mutate(app, 'identifyChild', input, app.token('ADMIN')); // the same child again: refused
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/cases_commands_total\{command="IdentifyChild",outcome="ok"\} 1/);
    expect(text).toMatch(/cases_commands_total\{command="Reserve",outcome="DUPLICATE_CASE"\} 1/);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('指标');
  });

  it('reports the case cache: a case read twice is one miss and one hit', async () => {
    const token = app.token('ADMIN');
    const { caseId, position } = await mustMutate(
      app,
      'identifyChild',
      {
        idNumber: makeFictionalIdNumber('370303', '2013-03-03', 7),
        name: '缓存',
        regionCode: '370303101001',
        source: 'VISIT',
        identifiedAt: '2026-01-01T10:00:00+08:00',
      },
      token,
    );
    const counter = async (name: string) => {
      const text = await (await fetch(`${app.url}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    };
    const [hits, misses] = [
      await counter('cases_case_cache_hits_total'),
      await counter('cases_case_cache_misses_total'),
    ];
    for (let i = 0; i < 2; i++) {
      const answer = await app.gql(
        `{ case(id: "${caseId}", consistentWith: "${position}") { id } }`,
        {},
        token,
      );
      expect(answer.errors).toBeUndefined();
    }
    expect(await counter('cases_case_cache_misses_total')).toBe(misses + 1);
    expect(await counter('cases_case_cache_hits_total')).toBe(hits + 1);
    expect(await counter('cases_case_cache_entries')).toBeGreaterThanOrEqual(1);
  });

  it('refuses GraphQL without a token', async () => {
    const response = await app.gql('{ case(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const response = await app.gql(
      '{ case(id: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      'a.b.c',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for an unknown case', async () => {
    const response = await app.gql(
      '{ case(id: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      app.token('ADMIN'),
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

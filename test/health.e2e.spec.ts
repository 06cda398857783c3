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

import { identify } from './audit-support';
import { mustMutate } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';

/** A case's history and its access log grow without end: they are read a page at a time. */
describe('audit lists in pages', () => {
  let app: TestApp;
  let caseId: string;
  let admin: string;
  beforeAll(async () => {
    app = await TestApp.start();
    admin = app.token('ADMIN');
    ({ caseId } = await identify(app, admin, {
      sequence: 611,
      name: '分页',
      identifiedAt: '2026-01-05T09:00:00+08:00',
    }));
    for (let day = 10; day < 15; day++)
      await mustMutate(
        app,
        'recordVisit',
        { caseId, visitedAt: `2026-01-${day}T10:00:00+08:00` },
        admin,
      );
    for (let i = 0; i < 3; i++)
      await app.gql(`{ case(id: "${caseId}") { child { name } } }`, {}, admin);
  });
  afterAll(() => app.close());

  const history = (variables: Record<string, unknown>) =>
    app.gql<{ caseHistory: { revision: number }[] }>(
      'query($caseId: ID!, $first: Int, $after: Int) { caseHistory(caseId: $caseId, first: $first, afterRevision: $after) { revision } }',
      { caseId, ...variables },
      admin,
    );

  it('pages the history by revision: every event once, oldest first', async () => {
    const all = (await history({})).data!.caseHistory.map((e) => e.revision);
    expect(all).toEqual([0, 1, 2, 3, 4, 5]);
    const first = (await history({ first: 4 })).data!.caseHistory.map((e) => e.revision);
    const rest = (await history({ first: 4, after: first.at(-1) })).data!.caseHistory;
    expect([...first, ...rest.map((e) => e.revision)]).toEqual(all);
    expect(codeOf(await history({ first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await history({ first: 201 }))).toBe('PAGE_TOO_LARGE');
  });

  it('pages the access log by offset', async () => {
    const log = (first: number, offset: number) =>
      app.gql<{ accessLog: { fields: string[] }[] }>(
        'query($caseId: ID!, $first: Int, $offset: Int) { accessLog(caseId: $caseId, first: $first, offset: $offset) { fields } }',
        { caseId, first, offset },
        admin,
      );
    expect((await log(2, 0)).data!.accessLog).toHaveLength(2);
    expect((await log(2, 2)).data!.accessLog).toHaveLength(1);
    expect(codeOf(await log(2, -1))).toBe('BAD_USER_INPUT');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  ACCESS_LOG_STORE,
  type AccessLogStore,
} from '@app/runtime/audit/access-log/access-log.port';
import { CASE_QUERY } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';
import { ACCESS_LOG, CASE_AS_OF_WITH_NAME, dataOf, identify } from './audit-support';

type Entry = {
  at: string;
  actor: { id: string; role: string; agency: string | null };
  fields: string[];
  correlationId: string;
};

const PAGE = `query($first: Int, $consistentWith: String) {
  cases(filter: { regionCode: "370303102" }, first: $first, consistentWith: $consistentWith) {
    edges { node { id child { name } } } } }`;

describe("who read a child's personal information", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-access-'));
  let app: TestApp;
  let director: string;
  let auditor: string;
  let caseId: string;
  let idNumber: string;
  const page: string[] = [];
  let lastPosition: string;

  beforeAll(async () => {
    app = await TestApp.start({}, dataDir);
    director = app.token('CHILD_DIRECTOR', ['370303'], { sub: 'director-7' });
    auditor = app.token('AUDITOR', ['3703'], { sub: 'auditor-1' });
    ({ caseId, idNumber } = await identify(app, director, {
      sequence: 51,
      name: '周小溪',
      identifiedAt: '2025-09-01T09:00:00+08:00',
    }));
    for (let i = 0; i < 50; i++) {
      const child = await identify(app, director, {
        sequence: 100 + i,
        village: '370303102001',
        name: `测试${i}`,
        identifiedAt: '2025-09-01T09:00:00+08:00',
      });
      page.push(child.caseId);
    }
    lastPosition = await headPosition();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function headPosition(): Promise<string> {
    return (await app.app.get<EventStore>(EVENT_STORE).headPosition())!;
  }

  const store = () => app.app.get<AccessLogStore>(ACCESS_LOG_STORE);

  const accessLog = async (id = caseId, token = auditor) =>
    dataOf(await app.gql<{ accessLog: Entry[] }>(ACCESS_LOG, { caseId: id }, token)).accessLog;

  it('logs who read the name and the ID number, when, and in which request', async () => {
    const before = Date.now();
    const response = await app.gql<{ case: { child: Record<string, string> } }>(
      CASE_QUERY,
      { id: caseId },
      director,
      { 'x-correlation-id': 'home-visit-app-1' },
    );
    expect(dataOf(response).case.child).toMatchObject({ name: '周小溪', idNumber });
    const entries = await accessLog();
    expect(entries).toEqual([
      {
        at: expect.any(String),
        actor: { id: 'director-7', role: 'CHILD_DIRECTOR', agency: null },
        // CASE_QUERY asks for the guardian's name too: a person's, read in full
        fields: ['name', 'idNumber', 'guardianName'],
        correlationId: 'home-visit-app-1',
      },
    ]);
    expect(Date.parse(entries[0].at)).toBeGreaterThanOrEqual(before - 1);
  });

  it('does not log the masked ID number, nor a refused read', async () => {
    await app.gql(
      `query($id: ID!) { case(id: $id) { child { idNumberMasked } } }`,
      { id: caseId },
      director,
    );
    const refused = await app.gql(
      `query($id: ID!) { case(id: $id) { child { name } } }`,
      { id: caseId },
      auditor,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(await accessLog()).toHaveLength(1);
  });

  it('logs the name an admin reads through caseAsOf', async () => {
    const admin = app.token('ADMIN', ['*'], { sub: 'admin-1' });
    const response = await app.gql(
      CASE_AS_OF_WITH_NAME,
      { caseId, at: '2026-01-01T00:00:00+08:00' },
      admin,
    );
    dataOf(response);
    expect((await accessLog()).at(-1)).toMatchObject({
      actor: { id: 'admin-1', role: 'ADMIN' },
      fields: ['name'],
    });
  });

  it('writes a page of 50 names as one append, one entry per child', async () => {
    const append = jest.spyOn(store(), 'append');
    try {
      const response = await app.gql<{ cases: { edges: { node: { id: string } }[] } }>(
        PAGE,
        { first: 50, consistentWith: lastPosition },
        director,
        { 'x-correlation-id': 'page-1' },
      );
      expect(dataOf(response).cases.edges).toHaveLength(50);
      expect(append).toHaveBeenCalledTimes(1);
      expect(append.mock.calls[0][0]).toHaveLength(50);
    } finally {
      append.mockRestore();
    }
    for (const id of [page[0], page[49]])
      expect(await accessLog(id)).toEqual([
        expect.objectContaining({ fields: ['name'], correlationId: 'page-1' }),
      ]);
  });

  it('fails the request, with no data, when the read cannot be logged', async () => {
    const append = jest.spyOn(store(), 'append').mockRejectedValueOnce(new Error('disk I/O error'));
    try {
      const response = await app.gql(CASE_QUERY, { id: caseId }, director);
      expect(response.data).toBeNull();
      expect(codeOf(response)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(response)).not.toContain('周小溪');
      expect(JSON.stringify(response)).not.toContain(idNumber);
      expect(JSON.stringify(response)).not.toContain('disk');
    } finally {
      append.mockRestore();
    }
    expect(await accessLog()).toHaveLength(2);
  });

  it('gates each operation of a batched request on the log of its own reads', async () => {
    const [first, second] = [page[1], page[2]];
    const append = jest.spyOn(store(), 'append').mockRejectedValueOnce(new Error('disk I/O error'));
    const NAME = `query($id: ID!) { case(id: $id) { child { name } } }`;
    let answers: { data: { case: { child: { name: string } } } | null }[];
    try {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${director}` },
        body: JSON.stringify([
          { query: NAME, variables: { id: first } },
          { query: NAME, variables: { id: second } },
        ]),
      });
      answers = (await response.json()) as typeof answers;
    } finally {
      append.mockRestore();
    }
    // one of the two appends failed: that answer has no data, the other was logged
    expect(answers.map((a) => a.data === null).sort()).toEqual([false, true]);
    const logged = [(await accessLog(first)).length - 1, (await accessLog(second)).length - 1];
    expect(logged).toEqual(answers.map((a) => (a.data === null ? 0 : 1)));
  });

  it.each([
    ['CHILD_DIRECTOR', ['370303']],
    ['SUPERVISOR', ['370303']],
    ['CIVIL_AFFAIRS', ['3703']],
    ['AUDITOR', ['3301']],
  ] as const)('is not shown to %s in %j', async (role, regions) => {
    const response = await app.gql(ACCESS_LOG, { caseId }, app.token(role, [...regions]));
    expect(codeOf(response)).toBe('FORBIDDEN');
  });

  it('survives a restart', async () => {
    const before = await accessLog();
    await app.close();
    app = await TestApp.start({}, dataDir);
    auditor = app.token('AUDITOR', ['3703'], { sub: 'auditor-1' });
    expect(await accessLog()).toEqual(before);
  });
});

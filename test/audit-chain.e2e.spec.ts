import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mustMutate } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';
import { VERIFY, dataOf, identify } from './audit-support';

const ROOT = join(__dirname, '..');

/** `npm run history:verify` without the build: the same file through the SWC register hook. */
function historyVerify(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', './tools/swc-register.js', 'tools/history-verify.ts'],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

type Verification = { events: number; valid: boolean; brokenAtRevision: number | null };

describe('proof that the history was not altered', () => {
  let app: TestApp;
  let auditor: string;
  const cases: { caseId: string; idNumber: string; name: string }[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    const director = app.token('CHILD_DIRECTOR', ['370303'], { sub: 'director-7' });
    auditor = app.token('AUDITOR', ['3703'], { sub: 'auditor-1' });
    for (const [sequence, name] of [
      [41, '赵小满'],
      [42, '钱小乐'],
      [43, '孙小禾'],
    ] as const) {
      const { caseId, idNumber } = await identify(app, director, {
        sequence,
        name,
        identifiedAt: '2025-09-01T09:00:00+08:00',
      });
      for (const visitedAt of ['2025-09-10T09:00:00+08:00', '2025-10-10T09:00:00+08:00'])
        await mustMutate(app, 'recordVisit', { caseId, visitedAt, notes: '家访' }, director);
      cases.push({ caseId, idNumber, name });
    }
  });
  afterAll(() => app.close());

  const verify = async (caseId: string) =>
    dataOf(await app.gql<{ verifyCaseHistory: Verification }>(VERIFY, { caseId }, auditor))
      .verifyCaseHistory;

  /** What an attacker with the file would do: edit a stored row directly. */
  function editRow(caseId: string, revision: number, sql: string): void {
    const db = new Database(join(app.dataDir, 'events.sqlite'));
    try {
      const changed = db
        .prepare(`UPDATE events SET ${sql} WHERE stream_id = ? AND revision = ?`)
        .run(`case-${caseId}`, revision).changes;
      expect(changed).toBe(1);
    } finally {
      db.close();
    }
  }

  it('holds for every case as written', async () => {
    for (const { caseId } of cases)
      expect(await verify(caseId)).toEqual({ events: 3, valid: true, brokenAtRevision: null });
    const run = await historyVerify(app.dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 cases, 9 events: every hash chain holds');
  });

  it('is refused to field workers', async () => {
    const director = app.token('CHILD_DIRECTOR', ['370303']);
    expect(codeOf(await app.gql(VERIFY, { caseId: cases[0].caseId }, director))).toBe('FORBIDDEN');
  });

  describe('after rows were edited in the SQLite file', () => {
    beforeAll(() => {
      editRow(cases[0].caseId, 1, `data = json_set(data, '$.notes', '未家访')`);
      // back-dating when it was recorded is an edit like any other
      editRow(
        cases[2].caseId,
        2,
        `metadata = json_set(metadata, '$.recordedAt', '2025-10-10T01:00:00.000Z')`,
      );
    });

    it('verifyCaseHistory names the first broken revision', async () => {
      expect(await verify(cases[0].caseId)).toEqual({
        events: 3,
        valid: false,
        brokenAtRevision: 1,
      });
      expect(await verify(cases[1].caseId)).toMatchObject({ valid: true });
      expect(await verify(cases[2].caseId)).toEqual({
        events: 3,
        valid: false,
        brokenAtRevision: 2,
      });
    });

    it('history:verify exits non-zero naming the broken cases, by id only', async () => {
      const run = await historyVerify(app.dataDir);
      expect(run.code).toBe(1);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          `BROKEN ${cases[0].caseId} at revision 1`,
          `BROKEN ${cases[2].caseId} at revision 2`,
          '3 cases, 9 events: 2 broken',
        ]),
      );
      expect(run.stdout).not.toContain(cases[1].caseId);
      for (const { idNumber, name } of cases) {
        expect(run.stdout + run.stderr).not.toContain(idNumber);
        expect(run.stdout + run.stderr).not.toContain(name);
      }
    });
  });

  it('history:verify exits 2 where there is no event store', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'history-verify-'));
    try {
      const run = await historyVerify(join(empty, 'missing'));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('no event store');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

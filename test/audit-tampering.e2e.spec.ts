import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mustMutate, CASE_QUERY } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';
import { postAct } from './support/agency-api';
import { VERIFY, identify } from './audit-support';
import {
  AccessLogOperator,
  SqliteOperator,
  runTool,
  type EventRowOnDisk,
} from './support/log-operator';

/**
 * What an operator with the database files can do, each on a copy of one data directory written
 * by the server (its checkpoints included), then `history:verify` through its CLI: every
 * tampering is named, with a non-zero exit. The tamperings recompute every hash the code lets
 * them recompute; only the signing key (AUDIT_SIGNING_KEY, here the development key file) is
 * beyond them, as it is beyond a database operator in production.
 */
describe('history:verify against an operator who edits the store', () => {
  let fixture: string;
  const cases: string[] = [];
  const work: string[] = [];

  beforeAll(async () => {
    fixture = mkdtempSync(join(tmpdir(), 'audit-fixture-'));
    const app = await TestApp.start({}, fixture);
    const director = app.token('CHILD_DIRECTOR', ['370303'], { sub: 'director-7' });
    const bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau-1' });
    const court = app.token('COURT', ['*'], { sub: 'court-zd', agency: '淄博市张店区人民法院' });
    await mustMutate(
      app,
      'setBenefitStandard',
      {
        regionCode: '3703',
        category: 'ORPHAN',
        monthlyAmount: '1978.00',
        effectiveFrom: '2025-01-01',
      },
      bureau,
    );
    for (const [sequence, name] of [
      [51, '周小安'],
      [52, '吴小宁'],
      [53, '郑小康'],
    ] as const) {
      const { caseId } = await identify(app, director, {
        sequence,
        name,
        identifiedAt: '2025-09-01T09:00:00+08:00',
      });
      for (const visitedAt of ['2025-09-10T09:00:00+08:00', '2025-10-10T09:00:00+08:00'])
        await mustMutate(app, 'recordVisit', { caseId, visitedAt, notes: '家访' }, director);
      cases.push(caseId);
    }
    const answer = await postAct(app, {
      token: court,
      key: 'court-zd-2026-0001',
      body: {
        act: 'GUARDIANSHIP_REVOKED',
        caseId: cases[0],
        docketNumber: '(2026)鲁0303民特1号',
        decidedOn: '2025-11-01',
        effectiveOn: '2025-11-01',
        newGuardian: { kind: 'CIVIL_AFFAIRS', name: '淄博市张店区民政局' },
      },
    });
    expect(answer.status).toBe(201);
    const admin = app.token('ADMIN', ['*'], { sub: 'admin-1' });
    for (const id of cases) await app.gql(CASE_QUERY, { id }, admin);
    await app.close(); // the last checkpoint is signed at shutdown
  }, 120_000);

  afterAll(() => {
    for (const dir of [fixture, ...work]) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the data directory to tamper with. */
  function copy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'tampered-'));
    cpSync(fixture, dir, { recursive: true });
    work.push(dir);
    return dir;
  }

  const verify = (dir: string) => runTool('history-verify', { DATA_DIR: dir });

  function operate(dir: string, work: (db: SqliteOperator) => void): void {
    const db = new SqliteOperator(dir);
    try {
      work(db);
    } finally {
      db.close();
    }
  }

  const streamOf = (prefix: string) => (rows: EventRowOnDisk[]) =>
    rows.find((r) => r.stream_id.startsWith(prefix))!.stream_id;

  it('passes the log as the server wrote it, checkpoints and access log included', async () => {
    const run = await verify(copy());
    // 3 cases of 3 events each, and the court's act
    expect(run.stdout).toContain('3 cases, 10 events: every hash chain holds');
    expect(run.stdout).toMatch(
      /event log: \d+ events in \d+ streams, access log: 3 reads, \d+ signed checkpoints/,
    );
    expect(run.stdout).toContain('the chain holds');
    expect(run.stdout).not.toContain('TAMPERED');
    expect(run.code).toBe(0);
  }, 60_000);

  it('signs a checkpoint on demand, and only when the logs grew (or --force)', async () => {
    const dir = copy();
    const file = join(dir, 'checkpoints', 'checkpoints.jsonl');
    const lines = () => readFileSync(file, 'utf8').trim().split('\n').length;
    const before = lines();
    expect((await runTool('history-checkpoint', { DATA_DIR: dir })).stdout).toContain('unchanged');
    expect(lines()).toBe(before);
    const forced = await runTool('history-checkpoint', { DATA_DIR: dir }, ['--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/checkpoint written .* event log at position \d+/);
    expect(lines()).toBe(before + 1);
    expect((await verify(dir)).code).toBe(0);
  }, 60_000);

  it('names the stream whose last events were deleted, even with every hash recomputed', async () => {
    const dir = copy();
    const stream = `case-${cases[1]}`;
    operate(dir, (db) =>
      db.rewrite(
        (rows) => rows.filter((r) => !(r.stream_id === stream && r.revision > 0)),
        [stream],
      ),
    );
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`TAMPERED STREAM_TRUNCATED stream ${stream} ends at revision 0`);
    // re-numbered, the log is also shorter than the last checkpoint
    expect(run.stdout).toMatch(/TAMPERED (REWRITTEN|TRUNCATED) the event log/);
  }, 60_000);

  it('names a gap where the last events of a stream were simply deleted', async () => {
    const dir = copy();
    const stream = `case-${cases[1]}`;
    operate(dir, (db) => db.run('DELETE FROM events WHERE stream_id = ? AND revision = 2', stream));
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/TAMPERED MISSING positions \d+-\d+ are missing from the event log/);
    expect(run.stdout).toContain(`TAMPERED STREAM_TRUNCATED stream ${stream} ends at revision 1`);
  }, 60_000);

  it('names a stream rewritten whole with recomputed hashes', async () => {
    const dir = copy();
    const stream = `case-${cases[2]}`;
    operate(dir, (db) =>
      db.rewrite(
        (rows) =>
          rows.map((r) =>
            r.stream_id === stream && r.revision === 1
              ? // the visit's date: its notes are sealed, null in the row (the box is ciphertext)
                { ...r, data: r.data.replace('"visitedAt":"2025-', '"visitedAt":"2024-') }
              : r,
          ),
        [stream],
      ),
    );
    const run = await verify(dir);
    expect(run.code).toBe(1);
    // the stream's own chain holds: only the checkpoints can tell
    expect(run.stdout).not.toContain(`BROKEN ${cases[2]}`);
    expect(run.stdout).toContain(`TAMPERED STREAM_REWRITTEN stream ${stream} revision 2`);
    expect(run.stdout).toContain('TAMPERED REWRITTEN');
  }, 60_000);

  it('names a deleted stream', async () => {
    const dir = copy();
    const stream = `case-${cases[1]}`;
    operate(dir, (db) => db.rewrite((rows) => rows.filter((r) => r.stream_id !== stream), []));
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`TAMPERED STREAM_DELETED stream ${stream} is gone`);
  }, 60_000);

  it('names a stream moved under another case id, and where it went', async () => {
    const dir = copy();
    const from = `case-${cases[0]}`;
    const to = 'case-0193b4c2-0000-7000-8000-000000000001';
    operate(dir, (db) =>
      db.rewrite(
        (rows) => rows.map((r) => (r.stream_id === from ? { ...r, stream_id: to } : r)),
        [],
      ),
    );
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `TAMPERED STREAM_MOVED stream ${from} was moved: its events now stand in stream ${to}`,
    );
  }, 60_000);

  it('names a moved stream by position when only the stream id was changed', async () => {
    const dir = copy();
    const from = `case-${cases[0]}`;
    operate(dir, (db) =>
      db.run('UPDATE events SET stream_id = ? WHERE stream_id = ?', 'case-x', from),
    );
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /TAMPERED MOVED position \d+ \(stream case-x, revision 0\) is intact but does not stand where it was written/,
    );
  }, 60_000);

  it('names a forged event appended to a stream: by position, or against the checkpoint when re-linked', async () => {
    const dir = copy();
    const stream = `case-${cases[2]}`;
    operate(dir, (db) => {
      const last = db.rows('stream_id = ?', stream).at(-1)!;
      const rows = db.rows();
      db.run(
        `INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, log_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        rows.length + 1,
        '0193b4c2-0000-7000-8000-0000000000f1',
        stream,
        last.revision + 1,
        'CaseClosed',
        JSON.stringify({ reason: '伪造', closedAt: '2025-12-01T00:00:00+08:00' }),
        last.metadata,
        last.recorded_at,
        last.log_hash,
      );
    });
    const naive = await verify(dir);
    expect(naive.code).toBe(1);
    expect(naive.stdout).toMatch(
      new RegExp(
        `TAMPERED EDITED position \\d+ \\(stream ${stream}, revision 3\\) does not match its link`,
      ),
    );

    // the same forgery with every hash recomputed, slipped in before the last checkpoint
    const clever = copy();
    operate(clever, (db) =>
      db.rewrite(
        (rows) => {
          const last = rows.filter((r) => r.stream_id === stream).at(-1)!;
          const forged = {
            ...last,
            id: '0193b4c2-0000-7000-8000-0000000000f2',
            revision: last.revision + 1,
            type: 'CaseClosed',
            data: JSON.stringify({ reason: '伪造' }),
          };
          const at = rows.indexOf(last) + 1;
          return [...rows.slice(0, at), forged, ...rows.slice(at)];
        },
        [stream],
      ),
    );
    const run = await verify(clever);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('TAMPERED REWRITTEN the event log up to');
  }, 60_000);

  it.each([
    ['a benefit standard', 'benefit-standard-', (data: string) => data.replace('197800', '97800')],
    [
      'a reservation',
      'idres-',
      (data: string) => data.replace(/"caseId":"[^"]+"/, '"caseId":"someone-else"'),
    ],
    [
      'an agency key',
      'agency-key-',
      (data: string) => data.replace(/"fingerprint":"[^"]+"/, '"fingerprint":"forged"'),
    ],
  ])(
    'names an edited %s, by position, and by stream with every hash recomputed',
    async (_what, prefix, edit) => {
      const dir = copy();
      let stream = '';
      operate(dir, (db) => {
        stream = streamOf(prefix)(db.rows());
        const [row] = db.rows('stream_id = ?', stream);
        expect(edit(row.data)).not.toBe(row.data);
        db.run('UPDATE events SET data = ? WHERE position = ?', edit(row.data), row.position);
      });
      const naive = await verify(dir);
      expect(naive.code).toBe(1);
      expect(naive.stdout).toMatch(
        new RegExp(`TAMPERED EDITED position \\d+ \\(stream ${stream}, revision 0\\)`),
      );

      const clever = copy();
      operate(clever, (db) =>
        db.rewrite(
          (rows) => rows.map((r) => (r.stream_id === stream ? { ...r, data: edit(r.data) } : r)),
          [stream],
        ),
      );
      const run = await verify(clever);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`TAMPERED STREAM_REWRITTEN stream ${stream} revision 0`);
    },
    60_000,
  );

  it('names the end of the log cut off', async () => {
    const dir = copy();
    operate(dir, (db) =>
      db.run('DELETE FROM events WHERE position > (SELECT max(position) - 3 FROM events)'),
    );
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /TAMPERED TRUNCATED the event log ends at \d+, but the checkpoint of .* vouches for \d+/,
    );
  }, 60_000);

  it('names access-log records edited, deleted, or deleted with every link recomputed', async () => {
    const edited = copy();
    const access = (dir: string, work: (db: AccessLogOperator) => void) => {
      const db = new AccessLogOperator(dir);
      try {
        work(db);
      } finally {
        db.close();
      }
    };
    access(edited, (db) => db.run(`UPDATE access_reads SET actor_id = 'nobody' WHERE seq = 2`));
    const run = await verify(edited);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /TAMPERED ACCESS_EDITED access-log row 2 \(case [0-9a-f-]+\) does not match its link/,
    );

    const deleted = copy();
    access(deleted, (db) => db.run('DELETE FROM access_reads WHERE seq = 2'));
    expect((await verify(deleted)).stdout).toContain(
      'TAMPERED ACCESS_MISSING access-log rows 2-2 are missing',
    );

    const relinked = copy();
    access(relinked, (db) => {
      db.run('DELETE FROM access_reads WHERE seq = 1');
      db.relink();
    });
    const clever = await verify(relinked);
    expect(clever.code).toBe(1);
    expect(clever.stdout).toMatch(/TAMPERED ACCESS_(REWRITTEN|TRUNCATED) the access log/);
  }, 60_000);

  it('verifyCaseHistory tells a case cut short, deleted, or moved under another id', async () => {
    const dir = copy();
    const movedTo = '0193b4c2-0000-7000-8000-00000000000a';
    operate(dir, (db) => {
      db.run('DELETE FROM events WHERE stream_id = ? AND revision = 2', `case-${cases[1]}`);
      db.run('DELETE FROM events WHERE stream_id = ?', `case-${cases[2]}`);
      db.run(
        'UPDATE events SET stream_id = ? WHERE stream_id = ?',
        `case-${movedTo}`,
        `case-${cases[0]}`,
      );
    });
    const app = await TestApp.start({}, dir);
    try {
      const admin = app.token('ADMIN', ['*'], { sub: 'admin-1' });
      const verify = async (caseId: string) =>
        (await app.gql<{ verifyCaseHistory: unknown }>(VERIFY, { caseId }, admin)).data
          ?.verifyCaseHistory;
      expect(await verify(cases[1])).toEqual({ events: 2, valid: false, brokenAtRevision: 2 });
      expect(await verify(cases[2])).toEqual({ events: 0, valid: false, brokenAtRevision: 0 });
      expect(await verify(cases[0])).toEqual({ events: 0, valid: false, brokenAtRevision: 0 });
      expect(await verify(movedTo)).toEqual({ events: 4, valid: false, brokenAtRevision: 0 });
      const auditor = app.token('AUDITOR', ['3703'], { sub: 'auditor-1' });
      expect(codeOf(await app.gql(VERIFY, { caseId: cases[2] }, auditor))).toBe('FORBIDDEN');
    } finally {
      await app.close();
    }
  }, 60_000);

  it('names a checkpoint not signed with the key, and refuses to trust it', async () => {
    const dir = copy();
    const file = join(dir, 'checkpoints', 'checkpoints.jsonl');
    const last = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').at(-1)!);
    writeFileSync(file, JSON.stringify({ ...last, log: { ...last.log, position: '1' } }) + '\n', {
      flag: 'a',
    });
    const run = await verify(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /TAMPERED CHECKPOINT_FORGED line \d+ of checkpoints.jsonl is not signed with AUDIT_SIGNING_KEY/,
    );
  }, 60_000);
});

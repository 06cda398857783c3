import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { makeFictionalIdNumber } from '@app/domain';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { mustMutate, mutate } from './support/cases-api';
import { codeOf, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const child = (sequence: number) => ({
  idNumber: makeFictionalIdNumber('370303', '2013-04-04', sequence),
  name: '迁移测试',
  regionCode: '370303101001',
  source: 'VISIT',
  identifiedAt: '2026-01-01T10:00:00+08:00',
});

/**
 * `npm run events:copy -- --to postgres`: the embedded store's events (and access log) moved into
 * PostgreSQL, verified, and the service running on them afterwards as it did before.
 */
describeWithPostgres('events:copy into PostgreSQL', () => {
  let db: TestDatabase;
  let dataDir: string;
  const caseIds: string[] = [];

  const copy = () =>
    spawnSync(
      process.execPath,
      ['-r', './tools/swc-register.js', 'tools/events-copy.ts', '--to', 'postgres', '--batch', '3'],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, EVENT_STORE_DATABASE_URL: db.url },
        encoding: 'utf8',
      },
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'events-copy-'));
    const app = await TestApp.start({}, dataDir);
    try {
      const admin = app.token('ADMIN');
      for (const sequence of [1, 2, 3])
        caseIds.push((await mustMutate(app, 'identifyChild', child(sequence), admin)).caseId!);
      await mustMutate(app, 'assignCaseworker', { caseId: caseIds[0], caseworkerId: 'd-1' }, admin);
      const read = await app.gql(
        `query($id: ID!) { case(id: $id) { child { name } } }`,
        { id: caseIds[0] },
        admin,
      );
      expect(read.errors).toBeUndefined();
    } finally {
      await app.close();
    }
  }, 60_000);
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('copies every event with a progress bar, and says the copy verifies', () => {
    const run = copy();
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/copying .* 100% \| 7\/7 events/);
    expect(run.stdout).toMatch(
      /Copied 7 events \(7 in all, 3 cases\) and 1 access-log records and 3 data keys: counts equal, every event identical, every hash chain holds/,
    );
    expect(run.stdout).toMatch(/IDENTITY_HMAC_KEY set to the key in/);

    const again = copy(); // nothing left to copy: it only verifies
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(
      /Copied 0 events \(7 in all, 3 cases\) and 0 access-log records and 0 data keys/,
    );
  }, 60_000);

  it('fails the check when the copy differs, naming where and which case', async () => {
    const stream = `case-${caseIds[1]}`;
    const tampered = `UPDATE es_events SET data = replace(data, $2, $3) WHERE stream_id = $1 AND revision = 0
      RETURNING position`;
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      // the name is sealed (ciphertext): edit what is stored in the clear
      const { rows } = await client.query(tampered, [stream, '370303101001', '370303101009']);
      const run = copy();
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(`the logs differ from position ${rows[0].position}\\b`),
      );
      expect(run.stdout).toMatch(new RegExp(`BROKEN ${caseIds[1]} at revision 0`));
      expect(run.stdout).not.toMatch(/迁移测试/);
    } finally {
      await client.query(tampered, [stream, '370303101009', '370303101001']);
      await client.end();
    }
  }, 60_000);

  it('runs the service on the copy as it ran on the embedded store', async () => {
    const identityKey = readFileSync(join(dataDir, 'identity-hmac-key'), 'utf8').trim();
    const personalDataKey = readFileSync(join(dataDir, 'personal-data-key'), 'utf8').trim();
    const app = await TestApp.start(
      {
        EVENT_STORE: 'postgres',
        EVENT_STORE_DATABASE_URL: db.url,
        IDENTITY_HMAC_KEY: identityKey,
        PERSONAL_DATA_KEY: personalDataKey,
      },
      dataDir,
    );
    try {
      const admin = app.token('ADMIN');
      const log = await app.gql<{ accessLog: unknown[] }>(
        `query($id: ID!) { accessLog(caseId: $id) { fields } }`,
        { id: caseIds[0] },
        admin,
      );
      expect(log.data?.accessLog).toEqual([{ fields: ['name'] }]);
      // the data keys came along: the sealed names open in PostgreSQL as they did before
      const read = await app.gql<{ case: { child: { name: string } } }>(
        `query($id: ID!) { case(id: $id) { child { name } } }`,
        { id: caseIds[0] },
        admin,
      );
      expect(read.data?.case.child.name).toBe('迁移测试');
      // the reservations came along, named with the same key: still one open case per child
      expect(codeOf(await mutate(app, 'identifyChild', child(2), admin))).toBe('DUPLICATE_CASE');
      const next = await mustMutate(
        app,
        'assignCaseworker',
        { caseId: caseIds[1], caseworkerId: 'd-2' },
        admin,
      );
      expect(next.position).toBe('8'); // the copy kept the positions: the log goes on after them
      const verified = await app.gql<{ verifyCaseHistory: { valid: boolean } }>(
        `query($id: ID!) { verifyCaseHistory(caseId: $id) { valid } }`,
        { id: caseIds[0] },
        admin,
      );
      expect(verified.data?.verifyCaseHistory.valid).toBe(true);
    } finally {
      await app.close();
    }
    // the PostgreSQL log went on: copying the embedded one again would mix two histories
    const late = copy();
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/already holds events that are not this log's/);
  }, 60_000);
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { CASE_QUERY, mustMutate } from './support/cases-api';
import { TestApp } from './support/test-app';
import { identify } from './audit-support';
import { rechained, relinked, runTool, type EventRowOnDisk } from './support/log-operator';

const SIGNING_KEY = 'the-signing-key-of-the-postgres-tampering-spec';

/** The same operator as audit-tampering.e2e.spec.ts, on the PostgreSQL tables (EVENT_STORE=postgres). */
describeWithPostgres('history:verify against an operator of PostgreSQL', () => {
  let db: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  const cases: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'audit-pg-'));
    env = {
      DATA_DIR: dataDir,
      EVENT_STORE: 'postgres',
      EVENT_STORE_DATABASE_URL: db.url,
      IDENTITY_HMAC_KEY: 'identity-key-of-the-postgres-tampering-spec',
      PERSONAL_DATA_KEY: 'a1'.repeat(32),
      AUDIT_SIGNING_KEY: SIGNING_KEY,
    };
    const app = await TestApp.start(env, dataDir);
    const director = app.token('CHILD_DIRECTOR', ['370303'], { sub: 'director-7' });
    for (const [sequence, name] of [
      [61, '冯小雪'],
      [62, '陈小雷'],
      [63, '褚小云'],
      [64, '卫小风'],
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
    const admin = app.token('ADMIN', ['*'], { sub: 'admin-1' });
    // three reads of each case: the access log's seq goes past one digit (a tip or a page taken
    // in text order would put 10 before 9)
    for (let round = 0; round < 3; round++)
      for (const id of cases)
        expect((await app.gql(CASE_QUERY, { id }, admin)).errors).toBeUndefined();
    await app.close();
  }, 120_000);

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  });

  async function sql<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  const rowsOf = (client: Client) =>
    client
      .query<EventRowOnDisk>(
        `SELECT position::int, id::text, stream_id, revision::int, type, data, metadata, log_hash,
                to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
         FROM es_events ORDER BY position`,
      )
      .then((r) => r.rows);

  it('passes the log as written, then names each tampering of the tables', async () => {
    const signed = await runTool('history-checkpoint', env, ['--force']);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/checkpoint written .* access log at row 12/);
    const clean = await runTool('history-verify', env);
    expect(clean.stdout).toContain('the chain holds');
    expect(clean.stdout).toContain('access log: 12 reads');
    expect(clean.code).toBe(0);

    const [truncated, moved, rewritten] = cases.map((id) => `case-${id}`);
    await sql(async (client) => {
      // a stream rewritten with every hash recomputed: its own chain and the global links
      const rows = (await rowsOf(client)).map((r) =>
        r.stream_id === rewritten && r.revision === 1
          ? // the visit's date: its notes are sealed, null in the row (the box is ciphertext)
            { ...r, data: r.data.replace('"visitedAt":"2025-', '"visitedAt":"2024-') }
          : r,
      );
      const byId = new Map(
        rechained(rows.filter((r) => r.stream_id === rewritten)).map((r) => [r.id, r]),
      );
      for (const row of relinked(rows.map((r) => byId.get(r.id) ?? r)))
        await client.query(
          'UPDATE es_events SET data = $1, metadata = $2, log_hash = $3 WHERE id = $4',
          [row.data, row.metadata, row.log_hash, row.id],
        );
      // and plain SQL: the last event of a stream deleted, a stream moved, an access record edited
      await client.query('DELETE FROM es_events WHERE stream_id = $1 AND revision = 2', [
        truncated,
      ]);
      await client.query(`UPDATE es_events SET stream_id = 'case-elsewhere' WHERE stream_id = $1`, [
        moved,
      ]);
      await client.query(`UPDATE audit_access_reads SET case_id = $1 WHERE seq = 11`, [cases[0]]);
    });

    const run = await runTool('history-verify', env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/TAMPERED MISSING positions \d+-\d+ are missing from the event log/);
    expect(run.stdout).toContain(
      `TAMPERED STREAM_TRUNCATED stream ${truncated} ends at revision 1`,
    );
    expect(run.stdout).toContain(
      `TAMPERED STREAM_MOVED stream ${moved} was moved: its events now stand in stream case-elsewhere`,
    );
    expect(run.stdout).toContain(`TAMPERED STREAM_REWRITTEN stream ${rewritten} revision 2`);
    expect(run.stdout).toMatch(/TAMPERED ACCESS_EDITED access-log row 11 /);
    // the key signs, and is written nowhere: not in what the tools say, nor beside the checkpoints
    for (const output of [signed, clean, run].flatMap((r) => [r.stdout, r.stderr]))
      expect(output).not.toContain(SIGNING_KEY);
    const checkpoints = readFileSync(join(dataDir, 'checkpoints', 'checkpoints.jsonl'), 'utf8');
    expect(checkpoints.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    expect(checkpoints).not.toContain(SIGNING_KEY);
    expect(readdirSync(join(dataDir, 'checkpoints'))).toEqual(['checkpoints.jsonl']);
  }, 120_000);
});

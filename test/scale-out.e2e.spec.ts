import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { makeFictionalIdNumber } from '@app/domain';
import { comparePositions } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { PostgresReadModelStore, rebuildReadModels } from '@app/read-models';
import { loadConfig } from '@app/runtime/config/app-config';
import { createEventStore } from '@app/runtime/event-store/event-store.module';
import { Cluster, eventually } from './support/cluster';
import { runTool } from './support/log-operator';
import type { ServerProcess } from './support/server-process';

const VILLAGE = '330102001001';
const COURT = '杭州市上城区人民法院';
const CASE = `query($id: ID!, $at: String) { case(id: $id, consistentWith: $at) {
  status riskLevel caseworkerId revision child { name } guardian { kind } } }`;
const ACCESS_LOG = `query($id: ID!) { accessLog(caseId: $id) { actor { id } fields } }`;

const child = (sequence: number) => ({
  idNumber: makeFictionalIdNumber('330102', '2012-05-01', sequence),
  name: '扩展测试',
  regionCode: VILLAGE,
  source: 'HOTLINE',
  identifiedAt: '2026-01-10T09:00:00+08:00',
  categories: ['DE_FACTO_UNSUPPORTED'],
  guardian: { kind: 'PARENT', name: '测试父亲' },
});

const act = (idNumber: string, docket: number) => ({
  act: 'GUARDIANSHIP_REVOKED',
  childIdNumber: idNumber,
  docketNumber: `(2026)浙0102民特${docket}号`,
  decidedOn: '2026-03-01',
  effectiveOn: '2026-03-15',
  newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
});

/**
 * Scale-out on PostgreSQL, as a deployment runs it: two api processes and two apps/projector
 * processes on one database (events, read models, access log). One projector projects, the
 * other stands by; races across the two apis keep the one-open-case rule and the agency API's
 * idempotency; a kill -9 of the leading projector and of an api mid-burst loses nothing
 * acknowledged, and the read models the projectors built equal a rebuild from the log.
 */
describeWithPostgres('several processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let scratch: TestDatabase;
  let cluster: Cluster;
  let api1: ServerProcess;
  let api2: ServerProcess;
  let admin: string;
  let court: string;
  let sequence = 1;

  beforeAll(async () => {
    [db, scratch] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    cluster = new Cluster(db.url);
    await cluster.start(2, 2);
    [api1, api2] = cluster.apis;
    admin = cluster.token('ADMIN');
    court = cluster.token('COURT', { agency: COURT });
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
    await Promise.all([db?.drop(), scratch?.drop()]);
  });

  it('runs exactly one projector, and every api says which one and how far it lags', async () => {
    const leader = await eventually('a leader', () => cluster.leader(api1));
    expect(await cluster.leader(api2)).toBe(leader);
    const standby = cluster.projectors.find((p) => p !== leader)!;
    expect((await standby.health()).body.projections).toMatchObject({ runner: 'standby' });
    expect((await leader.health()).body.projections).toMatchObject({ runner: 'in-process' });
    expect((await cluster.health(api1)).projections).toMatchObject({
      status: 'ok',
      runner: 'external',
      lag: 0,
    });
  });

  it('drives one case through both apis, each reading what the other wrote', async () => {
    const { caseId, position } = await cluster.mustMutate(
      api1,
      'identifyChild',
      child(sequence++),
      admin,
    );
    const assessed = await cluster.mustMutate(
      api2,
      'assessRisk',
      {
        caseId,
        guardianshipRisk: 3,
        livingRisk: 1,
        behaviourRisk: 0,
        assessedAt: '2026-01-11T09:00:00+08:00',
      },
      admin,
    );
    expect(comparePositions(assessed.position, position!)).toBeGreaterThan(0);
    const enrolled = await cluster.mustMutate(
      api1,
      'enrollInProgramme',
      { caseId, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2026-02-01' },
      admin,
    );
    const assigned = await cluster.mustMutate(
      api2,
      'assignCaseworker',
      { caseId, caseworkerId: 'director-9' },
      admin,
    );
    const revoked = await cluster.postAct(api1, 'lifecycle-1', act(child(1).idNumber, 1), court);
    expect(revoked.status).toBe(201);

    const read = await api2.gql<{ case: Record<string, unknown> }>(
      CASE,
      { id: caseId, at: revoked.body.position },
      admin,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.case).toMatchObject({
      status: 'ENROLLED',
      riskLevel: 'RED',
      caseworkerId: 'director-9',
      revision: revoked.body.revision,
      child: { name: '扩展测试' },
      guardian: { kind: 'CIVIL_AFFAIRS' },
    });
    expect(enrolled.revision).toBeLessThan(assigned.revision);
    // the read of the name through api2 is in the one access log api1 answers from
    const log = await api1.gql<{ accessLog: { actor: { id: string }; fields: string[] }[] }>(
      ACCESS_LOG,
      { id: caseId },
      admin,
    );
    expect(log.data?.accessLog).toEqual([{ actor: { id: 'admin-cluster' }, fields: ['name'] }]);
  });

  it('opens one case when both apis are asked to identify the same child at once', async () => {
    for (let i = 0; i < 6; i++) {
      const input = child(sequence++);
      const answers = await Promise.all(
        [api1, api2].map((api) => cluster.mutate(api, 'identifyChild', input, admin)),
      );
      const codes = answers.map((a) => (a.result ? 'ok' : a.code)).sort();
      expect(codes).toEqual(['DUPLICATE_CASE', 'ok']);
    }
  });

  it('records an agency act once when the same request reaches both apis at once', async () => {
    const children = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const input = child(sequence++);
        await cluster.mustMutate(api1, 'identifyChild', input, admin);
        return input.idNumber;
      }),
    );
    for (const [i, idNumber] of children.entries()) {
      const body = act(idNumber, 100 + i);
      const answers = await Promise.all(
        [api1, api2].map((api) => cluster.postAct(api, `race-${i}`, body, court)),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
      expect(answers[0].body).toEqual(answers[1].body);
    }
  });

  it('loses nothing acknowledged when the leading projector and an api are killed mid-burst', async () => {
    const leader = (await cluster.leader(api1))!;
    const standby = cluster.projectors.find((p) => p !== leader)!;
    const acked: { caseId: string; position: string }[] = [];
    let killed = 0;
    const writer = async (api: ServerProcess) => {
      for (let n = 0; n < 40 && acked.length < 160; n++) {
        let answer;
        try {
          answer = await cluster.mutate(api, 'identifyChild', child(sequence++), admin);
        } catch {
          return; // the api died with the request: not acknowledged
        }
        if (answer.result)
          acked.push({ caseId: answer.result.caseId!, position: answer.result.position });
        if (acked.length >= 40 && killed === 0) {
          killed = 1;
          leader.kill('SIGKILL');
        }
        if (acked.length >= 80 && killed === 1) {
          killed = 2;
          api2.kill('SIGKILL');
        }
      }
    };
    await Promise.all([api1, api2, api1, api2, api1, api2].map(writer));
    expect((await leader.exit()).signal).toBe('SIGKILL');
    expect((await api2.exit()).signal).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(100);

    // the standby takes over and catches up: api1 says so, and reads reach the last write
    await eventually('the standby leads', async () => (await cluster.leader(api1)) === standby);
    const last = acked
      .map((a) => a.position)
      .reduce((a, b) => (comparePositions(a, b) > 0 ? a : b));
    for (const { caseId } of acked) {
      const read = await api1.gql<{ case: { status: string } }>(
        CASE,
        { id: caseId, at: last },
        admin,
      );
      expect(read.errors).toBeUndefined();
      expect(read.data?.case.status).toBe('IDENTIFIED');
    }
    const events = await PostgresEventStore.open({ connectionString: db.url, poolSize: 2 });
    try {
      for (const { caseId, position } of acked) {
        const stored = [];
        for await (const e of events.readStream(`case-${caseId}`)) stored.push(e.position);
        expect(stored).toContain(position);
      }
    } finally {
      await events.close();
    }
    const health = await eventually('lag 0', async () => {
      const h = await cluster.health(api1);
      return h.projections.lag === 0 && h;
    });
    expect(health.projections.leader?.name).toMatch(new RegExp(`^projector ${standby.pid}@`));
  });

  it('carries on after PostgreSQL drops every connection (what a restart does to them)', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [db.name],
    );
    await client.end();
    // the next write is tried again on a new connection; the projector takes its lock again and
    // the api's LISTEN connections come back, so a read with consistentWith sees the write
    const { caseId, position } = await cluster.mustMutate(
      api1,
      'identifyChild',
      child(sequence++),
      admin,
    );
    const read = await eventually('the read after the reconnect', async () => {
      const answer = await api1.gql<{ case: { status: string } }>(
        CASE,
        { id: caseId, at: position },
        admin,
      );
      return answer.data?.case;
    });
    expect(read.status).toBe('IDENTIFIED');
    await eventually('a leader again', () => cluster.leader(api1));
  });

  it('refuses a rebuild beside the running projector, naming it', async () => {
    const running = (await cluster.leader(api1))!;
    const tool = spawnSync(
      process.execPath,
      ['-r', './tools/swc-register.js', join('tools', 'projections-rebuild.ts')],
      { cwd: join(__dirname, '..'), env: { ...process.env, ...cluster.env }, encoding: 'utf8' },
    );
    expect(tool.status).toBe(2); // busy, not failed: 1 is an event it could not project
    expect(tool.stderr).toMatch(new RegExp(`projector ${running.pid}@\\S+ is projecting into`));
  }, 30_000);

  it('built read models that equal a rebuild from the log', async () => {
    const head = (await cluster.health(api1)).eventStore.headPosition!;
    await eventually(
      'caught up',
      async () => (await cluster.health(api1)).projections.checkpoint === head,
    );
    await Promise.all(cluster.projectors.map((p) => p.stop()));
    // the log as the processes read it: personal fields opened with the cluster's PERSONAL_DATA_KEY
    const events = createEventStore(
      loadConfig({ ...cluster.env, DATA_DIR: join(cluster.dir, 'rebuild') }),
    );
    const live = await PostgresReadModelStore.open({ connectionString: db.url, poolSize: 2 });
    const rebuilt = await PostgresReadModelStore.open({
      connectionString: scratch.url,
      poolSize: 2,
    });
    try {
      const result = await rebuildReadModels(events, rebuilt);
      expect(result).toMatchObject({ checkpoint: head, failure: null });
      expect(await rebuilt.dump()).toEqual(await live.dump());
    } finally {
      await Promise.all([events.close(), live.close(), rebuilt.close()]);
    }
  });

  it('kept the global chains whole through the kills and the dropped connections', async () => {
    // api1's last checkpoint is signed at its shutdown; it and the one of its start bracket
    // everything above: appends from two apis at once, kills, a lost connection
    await api1.stop();
    const verify = await runTool('history-verify', { ...cluster.env, DATA_DIR: api1.dataDir });
    expect(verify.stdout).not.toContain('TAMPERED');
    expect(verify.stdout).toContain('the chain holds');
    expect(verify.stdout).toMatch(/access log: \d{3,} reads, [2-9]\d* signed checkpoints/);
    expect(verify.code).toBe(0);
  }, 60_000);
});

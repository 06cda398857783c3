import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { Cluster, eventually } from './support/cluster';
import type { ServerProcess } from './support/server-process';

const ROOT = join(__dirname, '..');

/** An npm tool run as its script runs it (TypeScript through SWC), with the cluster's environment. */
function runTool(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', './tools/swc-register.js', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/**
 * The tools beside a running api on PostgreSQL: the seed writes through the command path like one
 * more instance (its projector stands by: the api holds the lock), history:verify only reads, and
 * the api stays healthy, projecting everything they wrote.
 */
describeWithPostgres('tools beside a running api on PostgreSQL', () => {
  let db: TestDatabase;
  let cluster: Cluster;
  let api: ServerProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    cluster = new Cluster(db.url);
    await cluster.start(0, 0);
    api = await cluster.startApi({ PROJECTIONS: 'internal' });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
  });

  it('seeds beside it, verifies beside it, and the api projects what the seed wrote', async () => {
    const seeded = await runTool('tools/demo-seed.ts', ['--preset', 'zibo', '--children', '25'], {
      ...cluster.env,
      DATA_DIR: join(cluster.dir, 'seed'),
    });
    expect(seeded.stderr).not.toMatch(/Error|error/);
    expect(seeded.code).toBe(0);
    const { children } = JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as {
      children: number;
    };
    expect(children).toBe(25);

    const verified = await runTool('tools/history-verify.ts', [], cluster.env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/25 cases, \d+ events: every hash chain holds/);

    const health = await eventually('the api caught up', async () => {
      const h = await cluster.health(api);
      return h.projections.lag === 0 && h.projections.checkpoint !== null && h;
    });
    expect(health.status).toBe('ok');
    expect(health.projections).toMatchObject({ runner: 'in-process', status: 'ok' });
    expect(health.projections.leader?.name).toMatch(new RegExp(`^api ${api.pid}@`));
    const open = await api.gql<{ cases: { totalCount: number } }>(
      'query($at: String) { cases(first: 1, consistentWith: $at) { totalCount } }',
      { at: health.eventStore.headPosition },
      cluster.token('ADMIN'),
    );
    expect(open.data?.cases.totalCount).toBe(25);
  }, 90_000);
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeFictionalIdNumber } from '@app/domain';
import { MUTATIONS } from './support/cases-api';
import { describeEachReadModelStore } from './support/read-model-stores';
import { SERVER_SECRET, ServerProcess } from './support/server-process';
import { TestApp } from './support/test-app';

/**
 * "Two processes must never project into one read-model store at once": a tool run beside a
 * serving process on the same data, through its npm script, must leave the server healthy and its
 * reads with consistentWith working; a second server stands by and takes over.
 */

const ROOT = resolve(__dirname, '..');
const CASES = `query($c: String) { cases(filter: { regionCode: "37" }, first: 1, consistentWith: $c) { totalCount } }`;
type Health = {
  status: string;
  eventStore: { headPosition: string | null };
  projections: { status: string; runner: string; lag: number | null; heldBy?: { pid: number } };
};

/** `npm run <script> -- <args>` with the server's data, as an operator would type it. */
function npmRun(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn('npm', ['run', '-s', script, '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  withinMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a tool beside a running server on the same DATA_DIR', () => {
  let server: ServerProcess;
  let bureau: string;
  let seq = 1;
  const env = () => ({ DATA_DIR: server.dataDir, AUTH_JWT_SECRET: SERVER_SECRET });
  const health = async () => (await (await fetch(`${server.url}/health`)).json()) as Health;
  /** a write through the server, then a read that must include it */
  const writeThenRead = async () => {
    const written = await server.gql<Record<string, { position: string }>>(
      MUTATIONS.identifyChild,
      {
        input: {
          idNumber: makeFictionalIdNumber('370303', '2014-02-02', seq++),
          name: '测试',
          regionCode: '370303101001',
          source: 'VISIT',
          identifiedAt: '2026-01-10T09:00:00+08:00',
        },
      },
      bureau,
    );
    const position = written.data!.identifyChild.position;
    return server.gql<{ cases: { totalCount: number } }>(CASES, { c: position }, bureau);
  };

  beforeAll(async () => {
    server = await ServerProcess.start({ env: { npm_lifecycle_event: 'start' } });
    bureau = server.token('CIVIL_AFFAIRS', ['37']);
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    server.removeData();
  });

  it('demo:seed: the server projects what the seed writes, and stays healthy', async () => {
    let done = false;
    const seeding = npmRun('demo:seed', ['--preset', 'zibo', '--children', '40'], env());
    void seeding.then(() => (done = true));
    // once the seed writes (it refuses a store that holds events), the server's writes and reads
    // with consistentWith keep working beside it. A seed that has not written yet when the server
    // does would find a store that holds events and refuse it: wait for its first write however
    // long a loaded machine takes to start it.
    await eventually(health, (h) => done || h.eventStore.headPosition !== null, 90_000);
    const during = await writeThenRead();
    expect(during.errors).toBeUndefined();
    const seed = await seeding;
    expect(seed.code).toBe(0);
    expect(seed.stderr).toContain(`projected by process ${server.pid}`);
    const { headPosition, children } = JSON.parse(seed.stdout) as {
      headPosition: string;
      children: number;
    };
    const read = await server.gql<{ cases: { totalCount: number } }>(
      CASES,
      { c: headPosition },
      bureau,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.cases.totalCount).toBeGreaterThanOrEqual(children);
    const after = await eventually(health, (h) => h.projections.lag === 0);
    expect(after).toMatchObject({
      status: 'ok',
      projections: { status: 'ok', runner: 'in-process', lag: 0 },
    });
  }, 120_000);

  it('projections:rebuild: stops at once, naming the server, which carries on', async () => {
    const started = Date.now();
    const rebuild = await npmRun('projections:rebuild', [], env());
    expect(rebuild.code).toBe(2);
    expect(rebuild.stderr).toContain(`projected by process ${server.pid}`);
    expect(rebuild.stderr).toContain('"start"');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await health()).status).toBe('ok');
    expect((await writeThenRead()).errors).toBeUndefined();
  }, 60_000);

  it('history:verify: reads beside it, and the server carries on', async () => {
    const verify = await npmRun('history:verify', [], env());
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('every hash chain holds');
    expect((await health()).status).toBe('ok');
    expect((await writeThenRead()).errors).toBeUndefined();
  }, 60_000);
});

describeEachReadModelStore('a second server on the same store', (readModels) => {
  let dir: string;
  let first: TestApp | undefined;
  let second: TestApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'second-server-'));
    const env = await readModels.env();
    first = await TestApp.start(env, dir);
    second = await TestApp.start(env, dir);
  });
  afterAll(async () => {
    await first?.close();
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const health = async (app: TestApp) =>
    (await (await fetch(`${app.url}/health`)).json()) as Health;
  const writeThenRead = async (app: TestApp, sequence: number) => {
    const bureau = app.token('CIVIL_AFFAIRS', ['37']);
    const written = await app.gql<Record<string, { position: string }>>(
      MUTATIONS.identifyChild,
      {
        input: {
          idNumber: makeFictionalIdNumber('370303', '2014-03-03', sequence),
          name: '测试',
          regionCode: '370303101001',
          source: 'VISIT',
          identifiedAt: '2026-01-10T09:00:00+08:00',
        },
      },
      bureau,
    );
    return app.gql<{ cases: { totalCount: number } }>(
      CASES,
      { c: written.data!.identifyChild.position },
      bureau,
    );
  };

  it('stands by, healthy, following the first one’s checkpoints', async () => {
    expect(await health(second)).toMatchObject({
      status: 'ok',
      projections: { runner: 'standby', heldBy: { pid: process.pid } },
    });
    const read = await writeThenRead(second, 1);
    expect(read.errors).toBeUndefined();
    expect(read.data!.cases.totalCount).toBe(1);
  });

  it('takes over when the first one stops', async () => {
    await first!.close();
    first = undefined;
    const taken = await eventually(
      () => health(second),
      (h) => h.projections.runner === 'in-process',
    );
    expect(taken).toMatchObject({ status: 'ok', projections: { runner: 'in-process' } });
    const read = await writeThenRead(second, 2);
    expect(read.errors).toBeUndefined();
    expect(read.data!.cases.totalCount).toBe(2);
  });
});

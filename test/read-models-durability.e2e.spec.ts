import { DEFAULT_POLICY } from '@app/domain';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { rebuildReadModels } from '@app/read-models';
import { loadConfig } from '@app/runtime/config/app-config';
import { createEventStore } from '@app/runtime/event-store/event-store.module';
import { createReadModelStore } from '@app/runtime/projections/read-model-store.factory';
import { codeOf, TestApp } from './support/test-app';
import {
  BENEFITS,
  CASELOAD,
  CASES,
  PAYMENT_ROLL,
  seedZibo,
  type ZiboCases,
} from './support/read-side';
import { describeEachReadModelStore } from './support/read-model-stores';

const SECRET = 'e2e-secret-0123456789-abcdefghijklmn';

describeEachReadModelStore('read models that survive restarts and rebuilds', (readModels) => {
  let dir: string;
  let env: Record<string, string>;
  let zibo: ZiboCases;
  let answersBefore: unknown[];

  /** The same questions every time, as a client asks them. */
  const answers = async (app: TestApp) => {
    const token = app.token('CIVIL_AFFAIRS', ['3703']);
    const ask = (query: string, variables: Record<string, unknown>) =>
      app.gql(query, { ...variables, consistentWith: zibo.position }, token);
    return Promise.all([
      ask(CASES, { filter: { regionCode: '3703' }, first: 20 }),
      ask(BENEFITS, { caseId: zibo.deFacto, on: '2025-07-01' }),
      ask(PAYMENT_ROLL, { regionCode: '3703', month: '2026-06' }),
      ask(CASELOAD, { regionCode: '3703', asOf: '2026-11-20' }),
    ]);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-models-e2e-'));
    env = await readModels.env();
    const app = await TestApp.start(env, dir);
    zibo = await seedZibo(app);
    answersBefore = await answers(app);
    await app.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the same after a restart, from the stored read models', async () => {
    const app = await TestApp.start(env, dir);
    try {
      expect(answersBefore.every((a) => !(a as { errors?: unknown }).errors)).toBe(true);
      expect(await answers(app)).toEqual(answersBefore);
    } finally {
      await app.close();
    }
  });

  it('rebuilds from position 0 exactly the models built incrementally', async () => {
    const config = loadConfig({ DATA_DIR: dir, AUTH_JWT_SECRET: SECRET, ...env });
    const events = createEventStore(config);
    const store = createReadModelStore(config);
    try {
      const incremental = await store.dump();
      const head = await events.headPosition();
      const result = await rebuildReadModels(events, store, { policy: DEFAULT_POLICY });
      expect(result).toEqual({ events: Number(head), checkpoint: head, failure: null });
      expect(await store.dump()).toEqual(incremental);
    } finally {
      await store.close();
      await events.close();
    }
    const app = await TestApp.start(env, dir);
    try {
      expect(await answers(app)).toEqual(answersBefore);
    } finally {
      await app.close();
    }
  });

  it('`projections:rebuild` replays the log and ends with the count of events', async () => {
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        join(__dirname, '..', 'tools', 'swc-register.js'),
        join(__dirname, '..', 'tools', 'projections-rebuild.ts'),
      ],
      {
        env: { ...process.env, DATA_DIR: dir, AUTH_JWT_SECRET: SECRET, ...env },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Replayed \d+ events\.$/m);
    const app = await TestApp.start(env, dir);
    try {
      expect(await answers(app)).toEqual(answersBefore);
    } finally {
      await app.close();
    }
  });
});

describeEachReadModelStore('a projection that meets an event it cannot handle', (readModels) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(await readModels.env());
  });
  afterAll(() => app.close());

  it('stops, and /health names the position and type until it is fixed', async () => {
    const zibo = await seedZibo(app);
    const store = app.app.get<EventStore>(EVENT_STORE);
    const { position } = await store.appendToStream(
      `case-${zibo.deFacto}`,
      [{ id: randomUUID(), type: 'ChildTeleported', data: {}, metadata: {} }],
      { expectedRevision: 'stream_exists' },
    );
    const token = app.token('CIVIL_AFFAIRS', ['3703']);
    const stale = await app.gql(CASELOAD, { consistentWith: position }, token);
    expect(codeOf(stale)).toBe('STALE_READ_MODEL');

    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as { status: string; projections: Record<string, unknown> };
    expect(body.status).toBe('degraded');
    expect(body.projections).toMatchObject({
      status: 'failing',
      checkpoint: zibo.position,
      lag: 1,
      failure: { position, type: 'ChildTeleported', projection: 'case-summary' },
    });
    // what came before is still served
    const before = await app.gql(CASELOAD, { consistentWith: zibo.position }, token);
    expect(before.errors).toBeUndefined();
  });
});

describeEachReadModelStore('GET /health', (readModels) => {
  it("reports each projection's checkpoint and its lag behind the log", async () => {
    const app = await TestApp.start(await readModels.env());
    try {
      const zibo = await seedZibo(app);
      await app.gql(CASELOAD, { consistentWith: zibo.position }, app.token('ADMIN'));
      const body = (await (await fetch(`${app.url}/health`)).json()) as Record<string, unknown>;
      const head = (body.eventStore as { headPosition: string }).headPosition;
      expect(body.projections).toEqual({
        status: 'ok',
        runner: 'in-process',
        // this api holds the projector lock: it names itself by host and pid
        leader: { name: `api ${process.pid}@${hostname()}`, since: expect.any(String) },
        checkpoint: head,
        lag: 0,
        projections: {
          'case-summary': { status: 'ok', checkpoint: head, lag: 0 },
          benefits: { status: 'ok', checkpoint: head, lag: 0 },
          standards: { status: 'ok', checkpoint: head, lag: 0 },
          'payment-rolls': { status: 'ok', checkpoint: head, lag: 0 },
        },
      });
    } finally {
      await app.close();
    }
  });
});

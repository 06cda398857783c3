import { DEFAULT_POLICY } from '@app/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore } from '@app/event-store';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { PROJECTIONS } from '../projections/project-batch';
import type { ReadModelStore } from '../read-model-store.port';
import { PostgresReadModelStore } from '../postgres/postgres-read-model-store';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import { ZIBO, ziboScenario } from '../testing/zibo-scenario';
import { applyBatch, CheckpointMoved } from './apply-batch';
import { ProjectorLeadership } from './projector-leadership';
import { rebuildReadModels } from './rebuild';

/** Polls a condition every 10 ms (what another process does is seen asynchronously). */
async function eventually(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Stores = { open(): Promise<ReadModelStore>; cleanup(): Promise<void>; url?: string };

function leadershipSpecs(name: string, stores: () => Stores): void {
  describe(`ProjectorLeadership on ${name}`, () => {
    let dir: string;
    let events: SqliteEventStore;
    let readModels: Stores;
    const opened: ReadModelStore[] = [];
    const running: ProjectorLeadership[] = [];
    const open = async () => {
      const store = await readModels.open();
      opened.push(store);
      return store;
    };
    const candidate = async (who: string, store?: ReadModelStore) => {
      const leadership = new ProjectorLeadership(events, store ?? (await open()), {
        policy: DEFAULT_POLICY,
        name: who,
        candidate: true,
        retryMs: 50,
        batchSize: 4,
      });
      running.push(leadership);
      await leadership.start();
      return leadership;
    };

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'leadership-'));
      events = new SqliteEventStore({
        filename: join(dir, 'events.sqlite'),
        crossProcessPollMs: 10,
      });
      readModels = stores();
    });
    afterEach(async () => {
      await Promise.all(running.splice(0).map((l) => l.stop()));
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await events.close();
      await readModels.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('lets exactly one candidate project; the other follows, and takes over when it stops', async () => {
      const log = ziboScenario();
      const half = Math.floor(log.events.length / 2);
      const a = await candidate('a');
      const b = await candidate('b');
      expect([a.role, b.role]).toEqual(['leader', 'standby']);
      expect(await b.leader()).toMatchObject({ name: 'a' });

      await log.appendTo(events, log.events.slice(0, half));
      await expect(b.signal.waitFor(String(half), 5000)).resolves.toBe('reached');
      await a.stop();
      await eventually(() => b.role === 'leader');
      expect(await b.leader()).toMatchObject({ name: 'b' });
      await log.appendTo(events, log.events.slice(half));
      await expect(b.signal.waitFor(String(log.events.length), 5000)).resolves.toBe('reached');

      // each event applied once, by one or the other: the models equal a rebuild
      const store = opened[0];
      expect((await store.checkpoints()).map((c) => c.events)).toEqual(
        PROJECTIONS.map(() => log.events.length),
      );
      const rebuilt = await open();
      const live = await store.dump();
      await rebuildReadModels(events, rebuilt, { policy: DEFAULT_POLICY });
      expect(await rebuilt.dump()).toEqual(live);
    });

    it('fences a writer that fell behind: its batch writes nothing', async () => {
      const log = ziboScenario();
      const store = await open();
      await applyBatch(store, log.events.slice(0, 5), DEFAULT_POLICY, null);
      const stale = applyBatch(store, log.events.slice(5, 8), DEFAULT_POLICY, '3');
      await expect(stale).rejects.toBeInstanceOf(CheckpointMoved);
      expect((await store.checkpoints())[0]).toMatchObject({ position: '5', events: 5 });
    });

    it('records why the leader stopped on an event it cannot handle, for the others to show', async () => {
      const log = ziboScenario();
      await log.appendTo(events);
      await events.appendToStream(
        `case-${ZIBO.deFacto}`,
        [
          {
            id: '0c000000-0000-4000-8000-0000000000aa',
            type: 'ChildTeleported',
            data: {},
            metadata: {},
          },
        ],
        { expectedRevision: 'stream_exists' },
      );
      const a = await candidate('a');
      const follower = await open();
      await eventually(async () => (await follower.recordedFailure()) !== null);
      expect(await follower.recordedFailure()).toMatchObject({
        projection: 'case-summary',
        position: String(log.events.length + 1),
        type: 'ChildTeleported',
        by: 'a',
      });
      expect(a.ownFailure()).toMatchObject({ type: 'ChildTeleported' });
      const b = await candidate('b');
      expect(b.role).toBe('standby'); // the failing leader keeps the lock: nobody would do better
    });
  });
}

leadershipSpecs('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadership-rm-'));
  let n = 0;
  return {
    // the first store is the shared one; later ones (a rebuild's) are files of their own
    open: async () =>
      new SqliteReadModelStore({
        filename: join(dir, n++ < 3 ? 'read-models.sqlite' : `other-${n}.sqlite`),
        watchIntervalMs: 10,
      }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeWithPostgres('ProjectorLeadership', () => {
  let db: TestDatabase;
  let scratch: TestDatabase;
  beforeAll(async () => {
    [db, scratch] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([db.drop(), scratch.drop()]);
  });

  leadershipSpecs('PostgreSQL', () => {
    let n = 0;
    const urls: string[] = [];
    return {
      open: async () => {
        const url = n++ < 3 ? db.url : scratch.url;
        urls.push(url);
        const store = await PostgresReadModelStore.open({ connectionString: url, poolSize: 3 });
        if (n === 1 || url === scratch.url) await resetAll(store);
        return store;
      },
      cleanup: async () => undefined,
    };
  });

  it('replaces a leader whose lock connection dropped (a kill -9, a lost host)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadership-'));
    const events = new SqliteEventStore({
      filename: join(dir, 'events.sqlite'),
      crossProcessPollMs: 10,
    });
    const [storeA, storeB] = await Promise.all(
      [1, 2].map(() => PostgresReadModelStore.open({ connectionString: db.url, poolSize: 2 })),
    );
    await resetAll(storeA);
    const options = { candidate: true, retryMs: 50, policy: DEFAULT_POLICY };
    const a = new ProjectorLeadership(events, storeA, { ...options, name: 'a' });
    const b = new ProjectorLeadership(events, storeB, { ...options, name: 'b' });
    try {
      await a.start();
      await b.start();
      expect([a.role, b.role]).toEqual(['leader', 'standby']);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cases-projector:a'",
      );
      await client.end();
      // a steps down at once; whichever of the two takes the lock next leads, and only one does
      await eventually(async () => (await b.leader()) !== null && a.role !== b.role);
      const log = ziboScenario();
      await log.appendTo(events);
      await expect(b.signal.waitFor(String(log.events.length), 5000)).resolves.toBe('reached');
      await expect(a.signal.waitFor(String(log.events.length), 5000)).resolves.toBe('reached');
      expect((await storeA.checkpoints())[0].events).toBe(log.events.length);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await Promise.all([storeA.close(), storeB.close(), events.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function resetAll(store: ReadModelStore): Promise<void> {
  await store.reset();
  await store.recordFailure(null);
}

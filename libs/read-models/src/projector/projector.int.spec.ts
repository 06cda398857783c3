import { DEFAULT_POLICY } from '@app/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import { ZIBO, ziboScenario } from '../testing/zibo-scenario';
import { Projector, type ProjectorLog } from './projector';
import { rebuildReadModels } from './rebuild';

describe('Projector on the SQLite event store', () => {
  let dir: string;
  let events: SqliteEventStore;
  const opened: SqliteReadModelStore[] = [];
  const readModels = (name = 'read-models.sqlite') => {
    const store = new SqliteReadModelStore({ filename: join(dir, name) });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'projector-'));
    events = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await events.close();
    await Promise.all(opened.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up from the start, follows the log live and signals each checkpoint', async () => {
    const log = ziboScenario();
    const half = Math.floor(log.events.length / 2);
    await log.appendTo(events, log.events.slice(0, half));
    const projector = new Projector(events, readModels(), { policy: DEFAULT_POLICY });
    await projector.start();
    await expect(projector.signal.waitFor(String(half), 5000)).resolves.toBe('reached');

    const waiting = projector.signal.waitFor(String(log.events.length), 5000);
    await log.appendTo(events, log.events.slice(half));
    await expect(waiting).resolves.toBe('reached');
    expect(projector.status()).toEqual({
      running: true,
      checkpoint: String(log.events.length),
      failure: null,
    });
    await projector.stop();
  });

  it('resumes after a restart from the checkpoint it stored', async () => {
    const log = ziboScenario();
    const half = Math.floor(log.events.length / 2);
    await log.appendTo(events, log.events.slice(0, half));
    const store = readModels();
    const first = new Projector(events, store, { policy: DEFAULT_POLICY });
    await first.start();
    await first.signal.waitFor(String(half), 5000);
    await first.stop();

    await log.appendTo(events, log.events.slice(half));
    const second = new Projector(events, store, { policy: DEFAULT_POLICY });
    await second.start();
    await expect(second.signal.waitFor(String(log.events.length), 5000)).resolves.toBe('reached');
    await second.stop();
    // every event counted exactly once across the two runs
    expect((await store.checkpoints()).map((c) => c.events)).toEqual([
      log.events.length,
      log.events.length,
      log.events.length,
      log.events.length,
    ]);
  });

  it('starts over when the stored projections are not the ones it runs', async () => {
    const log = ziboScenario();
    await log.appendTo(events);
    const store = readModels();
    await store.transaction((tx) => tx.setCheckpoints(['retired-projection'], '3', 3));
    const projector = new Projector(events, store, { policy: DEFAULT_POLICY });
    await projector.start();
    await projector.signal.waitFor(String(log.events.length), 5000);
    await projector.stop();
    expect((await store.checkpoints()).map((c) => [c.projection, c.events])).toEqual([
      ['benefits', log.events.length],
      ['case-summary', log.events.length],
      ['payment-rolls', log.events.length],
      ['standards', log.events.length],
    ]);
  });

  it('stops on an event it cannot handle, logs its position and type, and applies nothing after', async () => {
    const log = ziboScenario();
    await log.appendTo(events);
    await events.appendToStream(
      `case-${ZIBO.deFacto}`,
      [
        {
          id: '0c000000-0000-4000-8000-000000000001',
          type: 'ChildTeleported',
          data: {},
          metadata: {},
        },
      ],
      { expectedRevision: 'stream_exists' },
    );
    const bad = String(log.events.length + 1);
    await events.appendToStream(
      `case-${ZIBO.deFacto}`,
      [
        {
          id: '0c000000-0000-4000-8000-000000000002',
          type: 'CaseworkerAssigned',
          data: { caseworkerId: 'director-8', assignedAt: '2026-11-20T10:00:00+08:00' },
          metadata: {},
        },
      ],
      { expectedRevision: 'stream_exists' },
    );
    const lines: string[] = [];
    const log2: ProjectorLog = { info: () => undefined, error: (m) => lines.push(m) };
    const store = readModels();
    const projector = new Projector(events, store, { policy: DEFAULT_POLICY, log: log2 });
    await projector.start();

    await expect(projector.signal.waitFor(bad, 5000)).resolves.toBe('failed');
    expect(projector.status()).toMatchObject({
      running: false,
      checkpoint: String(log.events.length),
      failure: { position: bad, type: 'ChildTeleported', projection: 'case-summary' },
    });
    expect(lines).toEqual([
      `projection case-summary stopped at position ${bad} on event type ChildTeleported: ` +
        'unknown case event type ChildTeleported',
    ]);
    expect((await store.findCase(ZIBO.deFacto))?.caseworkerId).toBe('director-7');
    await projector.stop();
  });

  it('rebuilds from position 0 exactly the models it built incrementally', async () => {
    const log = ziboScenario();
    const incremental = readModels('incremental.sqlite');
    const projector = new Projector(events, incremental, { policy: DEFAULT_POLICY, batchSize: 3 });
    await projector.start();
    // appended while the projector runs, so batches cut the log in arbitrary places
    for (const event of log.events) {
      await log.appendTo(events, [event]);
      if (Number(event.position) % 5 === 0) await new Promise((r) => setImmediate(r));
    }
    await projector.signal.waitFor(String(log.events.length), 5000);
    await projector.stop();

    const rebuilt = readModels('rebuilt.sqlite');
    const progress: number[] = [];
    const result = await rebuildReadModels(events, rebuilt, {
      policy: DEFAULT_POLICY,
      batchSize: 7,
      onProgress: (n) => progress.push(n),
    });

    expect(result).toEqual({
      events: log.events.length,
      checkpoint: String(log.events.length),
      failure: null,
    });
    expect(progress.at(-1)).toBe(log.events.length);
    expect(await rebuilt.dump()).toEqual(await incremental.dump());
  });

  it('rebuilds over models already there', async () => {
    const log = ziboScenario();
    await log.appendTo(events);
    const store = readModels();
    await rebuildReadModels(events, store, { policy: DEFAULT_POLICY });
    const once = await store.dump();
    await rebuildReadModels(events, store, { policy: DEFAULT_POLICY });
    expect(await store.dump()).toEqual(once);
  });
});

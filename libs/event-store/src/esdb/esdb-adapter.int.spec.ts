import { DeadlineExceededError } from '@eventstore/db-client';
import { EventStoreClosed, InvalidEventStoreInput } from '../errors';
import { anEvent, collect, events, rejectionOf, uniquePrefix } from '../testing/contract-helpers';
import { EsdbEventStore } from './esdb-event-store';
import { startEsdbTestServer, systemEvent, type EsdbTestServer } from './testing';

describe('EsdbEventStore, beyond the contract', () => {
  let server: EsdbTestServer;
  let store: EsdbEventStore;
  let prefix: string;
  beforeAll(async () => {
    server = await startEsdbTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    store = new EsdbEventStore({ connectionString: server.connectionString });
    prefix = uniquePrefix();
  });
  afterEach(() => store.close());

  describe('an append whose outcome is unknown (commit timeout)', () => {
    it('is sent again with the same ids and answers what was written, once', async () => {
      const stream = `${prefix}case-1`;
      server.injectAppendTimeout();
      const result = await store.appendToStream(stream, events(2), {
        expectedRevision: 'no_stream',
      });

      const stored = await collect(store.readStream(stream));
      expect(stored).toHaveLength(2);
      expect(result).toEqual({ nextRevision: 1n, position: stored[1].position });
    });

    it('is not re-sent when expecting "any": only a cache of recent ids would catch a duplicate', async () => {
      const stream = `${prefix}case-1`;
      server.injectAppendTimeout();
      const error = await rejectionOf(store.appendToStream(stream, events(1)));
      expect(error).toBeInstanceOf(DeadlineExceededError);
    });
  });

  describe("EventStoreDB's own events", () => {
    it('are skipped by readAll and headPosition, which report the last event of the callers', async () => {
      const before = await store.headPosition();
      const first = await store.appendToStream(`${prefix}a`, [anEvent()]);
      server.log.append('$stats-127.0.0.1:2113', 'any', [systemEvent('$statsCollected')]);
      expect(await store.headPosition()).toBe(first.position);

      const second = await store.appendToStream(`${prefix}a`, [anEvent()]);
      const next = await collect(store.readAll({ fromPosition: first.position, maxCount: 1 }));
      expect(next.map((e) => e.position)).toEqual([second.position]);
      const all = await collect(store.readAll({ fromPosition: before ?? 'start' }));
      expect(all.map((e) => e.streamId)).toEqual([`${prefix}a`, `${prefix}a`]);
    });

    it('give no head on a log that holds nothing else', async () => {
      const fresh = await startEsdbTestServer();
      const empty = new EsdbEventStore({ connectionString: fresh.connectionString });
      try {
        expect(await empty.headPosition()).toBeNull();
        await expect(collect(empty.readAll())).resolves.toEqual([]);
      } finally {
        await empty.close();
        await fresh.stop();
      }
    });

    it('keep their names: `$` stream ids, event types and stream prefixes are refused', async () => {
      const refusals: (() => unknown)[] = [
        () => store.appendToStream('$case-1', [anEvent()]),
        () => store.appendToStream(`${prefix}a`, [anEvent({}, '$metadata')]),
        async () => store.subscribeToAll({ streamPrefixes: ['$ce-'] }),
        () => collect(store.readAll({ fromPosition: '42' })), // a SQLite position
      ];
      for (const refused of refusals) {
        expect(await rejectionOf(Promise.resolve().then(refused))).toBeInstanceOf(
          InvalidEventStoreInput,
        );
      }
    });
  });

  it('reports positions as "C<commit>/P<prepare>" and recordedAt from the server', async () => {
    const before = Date.now();
    const { position } = await store.appendToStream(`${prefix}a`, events(2));
    const [, second] = await collect(store.readStream(`${prefix}a`));
    expect(position).toMatch(/^C(\d+)\/P\1$/);
    expect(second.recordedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(second.recordedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('close() ends reads still running, and refuses anything after', async () => {
    await store.appendToStream(`${prefix}a`, events(600));
    const reading = store.readStream(`${prefix}a`)[Symbol.asyncIterator]();
    await reading.next();
    await store.close();

    const rest = (async () => {
      for (let step = await reading.next(); !step.done; step = await reading.next());
    })();
    expect(await rejectionOf(rest)).toBeInstanceOf(EventStoreClosed);
    expect(await rejectionOf(store.appendToStream(`${prefix}a`, events(1)))).toBeInstanceOf(
      EventStoreClosed,
    );
    expect(() => store.subscribeToAll()).toThrow(EventStoreClosed);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { AccessDeniedError } from '@eventstore/db-client';
import { comparePositions } from '../position';
import { consume, events, startOfTest, uniquePrefix } from '../testing/contract-helpers';
import { EsdbEventStore } from './esdb-event-store';
import type { EsdbSubscriptionSettings, ResubscribeEvent } from './esdb-subscription';
import { decodePosition } from './esdb-position';
import { startEsdbTestServer, systemEvent, type EsdbTestServer } from './testing';

const ids = (read: { id: string }[]) => read.map((e) => e.id);

describe('EsdbEventStore subscriptions when the server misbehaves', () => {
  let server: EsdbTestServer;
  let store: EsdbEventStore;
  let resubscribed: ResubscribeEvent[];
  let prefix: string;

  const openStore = (settings: Partial<EsdbSubscriptionSettings> = {}) => {
    store = new EsdbEventStore({
      connectionString: server.connectionString,
      subscriptions: {
        stallTimeoutMs: 300,
        retryDelayMs: { initial: 20, max: 200 },
        onResubscribe: (event) => resubscribed.push(event),
        ...settings,
      },
    });
    return store;
  };

  beforeAll(async () => {
    server = await startEsdbTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    resubscribed = [];
    prefix = uniquePrefix();
    openStore();
  });
  afterEach(() => store.close());

  it('resubscribes after each drop, from the last event delivered, with no gap and no duplicate', async () => {
    const from = await startOfTest(store);
    const written = events(10);
    await store.appendToStream(`${prefix}a`, written.slice(0, 6));
    server.injectSubscriptionFault({ kind: 'drop', afterEvents: 2 });
    server.injectSubscriptionFault({ kind: 'drop', afterEvents: 3 });
    const requestsBefore = server.subscriptionRequests.length;
    const subscription = store.subscribeToAll({ fromPosition: from, streamPrefixes: [prefix] });
    const { seen, done } = consume(subscription);
    await seen.until((items) => items.length === 6);
    await store.appendToStream(`${prefix}b`, written.slice(6));

    await seen.until((items) => items.length === 10);
    expect(ids(seen.items)).toEqual(ids(written));
    expect(resubscribed.map((r) => r.reason)).toEqual(['dropped', 'dropped']);
    // each new subscription started strictly after the last event the previous one delivered
    const starts = server.subscriptionRequests.slice(requestsBefore + 1).map((r) => r.from);
    expect(starts).toEqual(
      [seen.items[1], seen.items[4]].map((e) => decodePosition(e.position).commit),
    );
    await subscription.stop();
    await done;
  });

  it('resubscribes when no event or checkpoint arrives while the log has moved on', async () => {
    const from = await startOfTest(store);
    server.injectSubscriptionFault({ kind: 'stall', afterEvents: 2 });
    const subscription = store.subscribeToAll({ fromPosition: from, streamPrefixes: [prefix] });
    const { seen, done } = consume(subscription);
    const written = events(5);
    await store.appendToStream(`${prefix}a`, written);

    await seen.until((items) => items.length === 5);
    expect(ids(seen.items)).toEqual(ids(written));
    expect(resubscribed).toMatchObject([{ reason: 'stalled', attempt: 1 }]);
    await subscription.stop();
    await done;
  });

  it('leaves a quiet subscription alone: nothing new in the log is not a stall', async () => {
    openStore({ stallTimeoutMs: 100 });
    const from = await startOfTest(store);
    const subscription = store.subscribeToAll({ fromPosition: from, streamPrefixes: [prefix] });
    const { seen, done } = consume(subscription);
    await store.appendToStream(`${prefix}a`, events(1));
    await seen.until((items) => items.length === 1);

    await sleep(600);
    expect(resubscribed).toEqual([]);
    await store.appendToStream(`${prefix}a`, events(1));
    await seen.until((items) => items.length === 2);
    await subscription.stop();
    await done;
  });

  it.each([
    ['after the checkpoint past the other streams', true],
    ['after the last event when checkpoints are not trusted', false],
  ])('resumes %s', async (_, resumeFromCheckpoints) => {
    openStore({ resumeFromCheckpoints });
    const from = await startOfTest(store);
    const [wanted, other] = [`${prefix}wanted`, `${prefix}other`];
    const first = await store.appendToStream(wanted, events(1));
    const skipped = await store.appendToStream(other, events(100));
    server.injectSubscriptionFault({ kind: 'drop' }); // once caught up, after the last checkpoint
    const subscription = store.subscribeToAll({ fromPosition: from, streamPrefixes: [wanted] });
    const { seen, done } = consume(subscription);
    await seen.until((items) => items.length === 1);
    while (resubscribed.length === 0) await sleep(10);

    const expected = resumeFromCheckpoints ? skipped.position : first.position;
    expect(resubscribed).toMatchObject([{ reason: 'dropped', from: expected }]);
    const last = await store.appendToStream(wanted, events(1), { expectedRevision: 0n });
    await seen.until((items) => items.length === 2);
    expect(seen.items[1].position).toBe(last.position);
    await subscription.stop();
    await done;
  });

  it('ends with the error, without retrying, when the server refuses access', async () => {
    server.injectSubscriptionFault({ kind: 'drop', code: GrpcStatus.UNAUTHENTICATED });
    const subscription = store.subscribeToAll({ streamPrefixes: [prefix] });
    const { done } = consume(subscription);

    await expect(done).rejects.toBeInstanceOf(AccessDeniedError);
    expect(resubscribed).toEqual([]);
  });

  it('skips EventStoreDB system events but moves past them', async () => {
    const from = await startOfTest(store);
    await store.appendToStream(`${prefix}a`, events(1));
    server.log.append('$stats-127.0.0.1:2113', 'any', [systemEvent('$statsCollected')]);
    const subscription = store.subscribeToAll({ fromPosition: from });
    const { seen, done } = consume(subscription);
    const last = await store.appendToStream(`${prefix}a`, events(1), { expectedRevision: 0n });

    await seen.until((items) => items.some((e) => e.position === last.position));
    const mine = seen.items.filter((e) => e.streamId.startsWith(prefix));
    expect(mine).toHaveLength(2);
    expect(seen.items.every((e) => !e.streamId.startsWith('$') && !e.type.startsWith('$'))).toBe(
      true,
    );
    await subscription.stop();
    await done;
  });
});

describe('EsdbEventStore across a server restart', () => {
  it('resubscribes and appends again once the server is back on the same port', async () => {
    const first = await startEsdbTestServer();
    const resubscribed: ResubscribeEvent[] = [];
    const store = new EsdbEventStore({
      connectionString: first.connectionString,
      subscriptions: {
        stallTimeoutMs: 1_000,
        retryDelayMs: { initial: 50, max: 200 },
        onResubscribe: (event) => resubscribed.push(event),
      },
    });
    const prefix = uniquePrefix();
    const stream = `${prefix}a`;
    await store.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });
    const subscription = store.subscribeToAll({ streamPrefixes: [prefix] });
    const { seen, done } = consume(subscription);
    await seen.until((items) => items.length === 2);

    await first.stop();
    await sleep(200);
    const second = await startEsdbTestServer({ port: first.port, log: first.log });
    try {
      const after = await store.appendToStream(stream, events(2), { expectedRevision: 1n });
      await seen.until((items) => items.length === 4);
      expect(seen.items.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
      expect(seen.items[3].position).toBe(after.position);
      expect(resubscribed.length).toBeGreaterThan(0);
      expect(comparePositions(resubscribed[0].from, seen.items[1].position)).toBe(0);
      await subscription.stop();
      await done;
    } finally {
      await store.close();
      await second.stop();
    }
  });
});

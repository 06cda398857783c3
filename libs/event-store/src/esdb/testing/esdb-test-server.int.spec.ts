import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { credentials, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  jsonEvent,
  START,
  streamNameFilter,
  DeadlineExceededError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq } from '@eventstore/db-client/generated/streams_pb';
import { startEsdbTestServer, type EsdbTestServer } from './esdb-test-server';

const anEvent = (type = 'Happened', n = 0) => jsonEvent({ type, data: { n } });
const batch = (count: number) => Array.from({ length: count }, (_, n) => anEvent('Happened', n));

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}
const positions = (read: ResolvedEvent[]) => read.map((e) => e.event?.position as Position);

describe('ESDB test server, driven by @eventstore/db-client', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;
  let n = 0;
  const stream = () => `test-${n}`;

  beforeAll(async () => {
    server = await startEsdbTestServer();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });
  beforeEach(() => void (n += 1));

  it('lists its methods as server features, BatchAppend included', async () => {
    const features = new ServerFeaturesClient(
      `127.0.0.1:${server.port}`,
      credentials.createInsecure(),
    );
    const methods = await new Promise<string[]>((resolve, reject) =>
      features.getSupportedMethods(new Empty(), (error, supported) =>
        error
          ? reject(error)
          : resolve(
              supported.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`),
            ),
      ),
    );
    features.close();
    expect(methods).toEqual(
      expect.arrayContaining([
        'event_store.client.streams.streams/read',
        'event_store.client.streams.streams/append',
        'event_store.client.streams.streams/batchappend',
      ]),
    );
  });

  it('answers gossip with one live leader, so a discovering client finds it', async () => {
    const discovering = EventStoreDBClient.connectionString(
      `esdb+discover://127.0.0.1:${server.port}?tls=false`,
    );
    try {
      await discovering.appendToStream(stream(), anEvent());
      await expect(collect(discovering.readStream(stream()))).resolves.toHaveLength(1);
    } finally {
      await discovering.dispose();
    }
  });

  describe.each([
    ['BatchAppend', true],
    ['Append (servers without BatchAppend)', false],
  ])('appends over %s', (_, batchAppend) => {
    let appender: EventStoreDBClient;
    let own: EsdbTestServer;
    beforeAll(async () => {
      own = await startEsdbTestServer({ batchAppend });
      appender = EventStoreDBClient.connectionString(own.connectionString);
    });
    afterAll(async () => {
      await appender.dispose();
      await own.stop();
    });

    const refusal = async (expected: AppendExpectedRevision, on = stream()) => {
      try {
        await appender.appendToStream(on, anEvent(), { expectedRevision: expected });
      } catch (error) {
        return error;
      }
      throw new Error('the append was accepted');
    };

    it('refuses wrong expectations with the expected and the current revision', async () => {
      await appender.appendToStream(stream(), batch(2), { expectedRevision: 'no_stream' });
      const missing = `${stream()}-missing`;
      const cases: [AppendExpectedRevision, string, bigint | 'no_stream'][] = [
        ['no_stream', stream(), 1n],
        [0n, stream(), 1n],
        [7n, stream(), 1n],
        ['stream_exists', missing, 'no_stream'],
        [0n, missing, 'no_stream'],
      ];
      for (const [expected, on, current] of cases) {
        const error = await refusal(expected, on);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({
          streamName: on,
          expectedVersion: expected,
          actualVersion: current,
        });
      }
    });

    it('answers a re-append of the same ids at the same place with the first answer', async () => {
      const events = batch(3);
      const first = await appender.appendToStream(stream(), events, {
        expectedRevision: 'no_stream',
      });
      await appender.appendToStream(stream(), anEvent(), { expectedRevision: 2n });
      const again = await appender.appendToStream(stream(), events, {
        expectedRevision: 'no_stream',
      });

      expect(again).toEqual(first);
      await expect(collect(appender.readStream(stream()))).resolves.toHaveLength(4);
      const partly = [events[0], anEvent()];
      await expect(
        appender.appendToStream(stream(), partly, { expectedRevision: 'no_stream' }),
      ).rejects.toMatchObject({ actualVersion: 3n });
    });

    it('reports the $all position of the last event written, commit == prepare', async () => {
      const result = await appender.appendToStream(stream(), batch(3));
      const read = await collect(appender.readStream(stream()));
      expect(result.position).toEqual(read[2].event?.position);
      for (const { commit, prepare } of positions(read)) expect(commit).toBe(prepare);
    });

    it('writes what it was given: type, JSON data, metadata, and stamps created', async () => {
      const before = Date.now();
      const event = jsonEvent({
        type: 'CaseOpened',
        data: { name: '小明' },
        metadata: { by: 'x' },
      });
      await appender.appendToStream(stream(), event);
      const [read] = await collect(appender.readStream(stream()));
      expect(read.event).toMatchObject({
        id: event.id,
        type: 'CaseOpened',
        data: { name: '小明' },
        metadata: { by: 'x' },
        revision: 0n,
        isJson: true,
      });
      expect(read.event?.created.getTime()).toBeGreaterThanOrEqual(before);
    });
  });

  it('refuses proposed events without the type and content-type metadata', async () => {
    const streams = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    const options = new AppendReq.Options()
      .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(stream())))
      .setAny(new Empty());
    const untyped = new AppendReq.ProposedMessage()
      .setId(new UUID().setString(randomUUID()))
      .setData(Buffer.from('{}'));
    const error = await new Promise<ServiceError | null>((resolve) => {
      const call = streams.append((failure) => resolve(failure));
      call.write(new AppendReq().setOptions(options));
      call.write(new AppendReq().setProposedMessage(untyped));
      call.end();
    });
    streams.close();
    expect(error?.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(error?.metadata.get('exception')).toEqual(['missing-required-metadata-property']);
  });

  describe('reads', () => {
    it('reads $all forwards from a position including it, backwards excluding it', async () => {
      await client.appendToStream(stream(), batch(5));
      const written = positions(await collect(client.readStream(stream())));
      const forwards = await collect(client.readAll({ fromPosition: written[2], maxCount: 2 }));
      expect(positions(forwards)).toEqual(written.slice(2, 4));
      const backwards = await collect(
        client.readAll({ fromPosition: written[2], direction: BACKWARDS, maxCount: 2 }),
      );
      expect(positions(backwards)).toEqual([written[1], written[0]]);
      const [head] = await collect(
        client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }),
      );
      expect(head.event?.position).toEqual(written[4]);
    });

    it('keeps $all in append order with growing positions', async () => {
      for (const i of [0, 1, 2]) await client.appendToStream(`${stream()}-${i % 2}`, anEvent());
      const all = (await collect(
        client.readAll({ fromPosition: START }),
      )) as AllStreamResolvedEvent[];
      const commits = all.map((e) => e.event?.position.commit as bigint);
      expect(commits).toEqual([...commits].sort((a, b) => (a < b ? -1 : 1)));
      expect(all.slice(-3).map((e) => e.event?.streamId)).toEqual([
        `${stream()}-0`,
        `${stream()}-1`,
        `${stream()}-0`,
      ]);
    });

    it('reads a stream backwards from the end and forwards from a revision, up to maxCount', async () => {
      await client.appendToStream(stream(), batch(6));
      const revisions = (read: ResolvedEvent[]) => read.map((e) => e.event?.revision);
      const backwards = client.readStream(stream(), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 2,
      });
      expect(revisions(await collect(backwards))).toEqual([5n, 4n]);
      const forwards = client.readStream(stream(), { fromRevision: 3n, maxCount: 2 });
      expect(revisions(await collect(forwards))).toEqual([3n, 4n]);
    });

    it('says stream-not-found for a stream without events', async () => {
      await expect(collect(client.readStream(`${stream()}-none`))).rejects.toBeInstanceOf(
        StreamNotFoundError,
      );
    });
  });
});

describe('ESDB test server subscriptions to $all', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;
  beforeEach(async () => {
    server = await startEsdbTestServer();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await server.stop();
  });

  /** Subscribes, recording events and checkpoints in the order the client saw them. */
  function record(options: Parameters<EventStoreDBClient['subscribeToAll']>[0], filter?: 'type') {
    const seen: { event?: string; checkpoint?: bigint }[] = [];
    const checkpointReached = (_: unknown, position: Position) =>
      void seen.push({ checkpoint: position.commit });
    const withCheckpoints = options?.filter
      ? {
          ...options,
          filter:
            filter === 'type'
              ? eventTypeFilter({ ...options.filter, checkpointReached } as never)
              : streamNameFilter({ ...options.filter, checkpointReached } as never),
        }
      : options;
    const subscription = client.subscribeToAll(withCheckpoints);
    let caughtUp = false;
    subscription.on('caughtUp', () => (caughtUp = true));
    subscription.on('data', (e: AllStreamResolvedEvent) => seen.push({ event: e.event?.streamId }));
    const until = async (predicate: () => boolean) => {
      while (!predicate()) await sleep(5);
    };
    return { subscription, seen, until, caughtUp: () => caughtUp };
  }

  it('catches up, says so with a checkpoint, then goes live; checkpoints every 32 × interval events considered', async () => {
    for (let i = 0; i < 70; i++) await client.appendToStream('other-1', anEvent());
    await client.appendToStream('wanted-1', anEvent());
    const { subscription, seen, until, caughtUp } = record({
      filter: { prefixes: ['wanted-'], checkpointInterval: 1 } as never,
    });
    await until(caughtUp);
    for (let i = 0; i < 30; i++) await client.appendToStream('other-1', anEvent());
    await client.appendToStream('wanted-2', anEvent());
    await until(() => seen.some((s) => s.event === 'wanted-2'));

    // the log: 2 system records, 70 others, wanted-1, then 30 others and wanted-2
    const log = server.log.readAll('start', 'forwards', 1000n).map((e) => e.position);
    expect(seen).toEqual([
      { checkpoint: log[31] },
      { checkpoint: log[63] },
      { event: 'wanted-1' },
      { checkpoint: log[72] }, // end of catch-up: the last event considered
      { checkpoint: log[95] },
      { event: 'wanted-2' },
    ]);
    await subscription.unsubscribe();
  });

  it('spaces checkpoints by the interval multiplier, and filters on event types too', async () => {
    await client.appendToStream('s-1', batch(70));
    await client.appendToStream('s-2', anEvent('Special'));
    const { subscription, seen, until } = record(
      { filter: { prefixes: ['Spec'], checkpointInterval: 2 } as never },
      'type',
    );
    await until(() => seen.some((s) => s.event === 's-2'));
    await until(() => seen.length === 3);
    const log = server.log.readAll('start', 'forwards', 1000n).map((e) => e.position);
    expect(seen).toEqual([{ checkpoint: log[63] }, { event: 's-2' }, { checkpoint: log[72] }]);
    await subscription.unsubscribe();
  });

  it('starts strictly after the position it is given', async () => {
    await client.appendToStream('s-1', batch(3));
    const [, second] = positions(await collect(client.readStream('s-1')));
    const { subscription, seen, until } = record({ fromPosition: second });
    await client.appendToStream('s-2', anEvent());
    await until(() => seen.length === 2);
    expect(seen).toEqual([{ event: 's-1' }, { event: 's-2' }]);
    await subscription.unsubscribe();
  });

  describe('fault injection', () => {
    it('drops a subscription with an error status after N events', async () => {
      await client.appendToStream('s-1', batch(5));
      server.injectSubscriptionFault({
        kind: 'drop',
        afterEvents: 2,
        code: GrpcStatus.UNAVAILABLE,
      });
      const { subscription, seen } = record({
        filter: { prefixes: ['s-'], checkpointInterval: 1 } as never,
      });
      const error = await new Promise((resolve) => subscription.on('error', resolve));
      expect(error).toMatchObject({ code: GrpcStatus.UNAVAILABLE });
      expect(seen.filter((s) => s.event)).toHaveLength(2);
    });

    it('stalls a subscription after N events: the call stays open and nothing more comes', async () => {
      server.injectSubscriptionFault({ kind: 'stall', afterEvents: 1 });
      const { subscription, seen, until } = record({
        filter: { prefixes: ['s-'], checkpointInterval: 1 } as never,
      });
      await client.appendToStream('s-1', batch(3));
      const events = () => seen.filter((s) => s.event);
      await until(() => events().length === 1);
      await sleep(300);
      expect(events()).toEqual([{ event: 's-1' }]);
      expect(server.activeSubscriptions()).toHaveLength(1);
      await subscription.unsubscribe();
      await until(() => server.activeSubscriptions().length === 0);
    });

    it('answers an append it wrote with a timeout, once', async () => {
      server.injectAppendTimeout();
      const events = batch(2);
      await expect(
        client.appendToStream('s-1', events, { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(DeadlineExceededError);
      const retry = await client.appendToStream('s-1', events, { expectedRevision: 'no_stream' });
      expect(retry.nextExpectedRevision).toBe(1n);
      await expect(collect(client.readStream('s-1'))).resolves.toHaveLength(2);
    });
  });
});

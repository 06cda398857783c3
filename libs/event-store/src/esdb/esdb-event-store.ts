import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type ReadPosition,
  type StreamingRead,
} from '@eventstore/db-client';
import type { Channel } from '@grpc/grpc-js';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  EventWithoutMetadata,
  ExpectedRevision,
  FromPosition,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { EventStoreClosed, InvalidEventStoreInput } from '../errors';
import { comparePositions } from '../position';
import {
  validateAppend,
  validateReadAll,
  validateReadStream,
  validateStreamId,
  validateStreamPrefixes,
  type ValidAppend,
} from '../validation';
import { fromClientError, isRetryableAppendFailure } from './esdb-errors';
import { isSystemEvent, refuseSystemNames, toEventData, toStoredEvent } from './esdb-events';
import { decodePosition, encodePosition, isEsdbPosition } from './esdb-position';
import {
  DEFAULT_SUBSCRIPTION_SETTINGS,
  esdbSubscription,
  pushCheckpoint,
  type EsdbSubscriptionSettings,
} from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  connectionString: string;
  subscriptions?: Partial<EsdbSubscriptionSettings>;
  /** Re-sends of an append whose outcome is unknown (timeout, connection lost). Default 3. */
  appendRetries?: number;
}

/** Stream ids are the callers' (`case-<id>`), 1:1. Events are JSON; `$` names are EventStoreDB's own. */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptionSettings: EsdbSubscriptionSettings;
  private readonly appendRetries: number;
  private readonly subscriptions = new Set<AllSubscription>();
  private readonly reads = new Set<StreamingRead<unknown>>();
  private readonly appends = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;
  private connected = false;

  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.subscriptionSettings = { ...DEFAULT_SUBSCRIPTION_SETTINGS, ...options.subscriptions };
    this.appendRetries = options.appendRetries ?? 3;
  }

  /** See the port. Bad input, including `$` stream ids and event types, throws InvalidEventStoreInput. */
  async appendToStream(
    streamId: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const append = refuseSystemNames(validateAppend(streamId, events, options.expectedRevision));
    this.open();
    const pending = this.append(append);
    this.appends.add(pending);
    return pending.finally(() => this.appends.delete(pending));
  }

  private async append(append: ValidAppend): Promise<AppendResult> {
    const expectedRevision = append.expectedRevision;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.client.appendToStream(
          append.streamId,
          append.events.map(toEventData),
          { expectedRevision },
        );
        const nextRevision = result.nextExpectedRevision;
        const position = result.position
          ? encodePosition(result.position)
          : await this.positionOf(append.streamId, nextRevision);
        return { nextRevision, position };
      } catch (error) {
        const retry = attempt < this.appendRetries && !this.closing;
        if (retry && isRetryableAppendFailure(error, expectedRevision)) {
          await sleep(100 * 2 ** attempt);
          continue;
        }
        throw fromClientError(error, append.streamId, expectedRevision);
      }
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    const stream = validateStreamId(streamId);
    const { fromRevision, direction, maxCount } = validateReadStream(options);
    return this.iterable(async function* (this: EsdbEventStore) {
      if (maxCount === 0 || (fromRevision === 'end' && direction === 'forwards')) {
        await this.lastEvent(stream); // nothing to read, but a missing stream is still an error
        return;
      }
      const read = this.open().readStream(stream, {
        fromRevision:
          fromRevision === 'start' ? START : fromRevision === 'end' ? END : fromRevision,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        maxCount: Number.isFinite(maxCount) ? maxCount : undefined,
      });
      try {
        for await (const { event } of this.drain(read)) if (event) yield toStoredEvent(event);
      } catch (error) {
        throw fromClientError(error, stream);
      }
    });
  }

  /** Strictly after `fromPosition`, skipping EventStoreDB's system events; maxCount counts the rest. */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    const { fromPosition, maxCount } = validateReadAll(options, isEsdbPosition);
    return this.iterable(async function* (this: EsdbEventStore) {
      let after: FromPosition = fromPosition;
      let left = maxCount;
      while (left > 0) {
        // reading forwards from a position includes the event at it, hence the + 1
        const wanted = Number.isFinite(left) ? left + 1 : undefined;
        let received = 0;
        const read = this.open().readAll({ fromPosition: toReadPosition(after), maxCount: wanted });
        for await (const { event } of this.drain(read)) {
          received += 1;
          if (!event || !isAfter(event, after)) continue;
          after = encodePosition(event.position);
          if (isSystemEvent(event)) continue;
          yield toStoredEvent(event);
          if (--left === 0) return;
        }
        if (wanted === undefined || received < wanted) return;
      }
    });
  }

  /** EventStoreDB sends every event with its metadata: this is `readAll` with them left out. */
  readAllWithoutMetadata(options?: ReadAllOptions): AsyncIterable<EventWithoutMetadata> {
    const all = this.readAll(options);
    return this.iterable(async function* () {
      for await (const { id, type, data, streamId, revision, position } of all)
        yield { id, type, data, streamId, revision, position };
    });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const { fromPosition } = validateReadAll(options, isEsdbPosition);
    const prefixes = validateStreamPrefixes(options.streamPrefixes);
    if (prefixes?.some((p) => p.startsWith('$'))) {
      throw new InvalidEventStoreInput('streamPrefixes must not name EventStoreDB system streams');
    }
    if (this.closing) throw new EventStoreClosed();
    // without prefixes: every stream but EventStoreDB's own `$` streams (and so with checkpoints)
    const checkpoints = { checkpointInterval: 1, checkpointReached: pushCheckpoint };
    const filter = prefixes
      ? streamNameFilter({ prefixes, ...checkpoints })
      : streamNameFilter({ regex: '^[^$]', ...checkpoints });
    const source = {
      open: (from: FromPosition) =>
        this.open().subscribeToAll({ fromPosition: toReadPosition(from), filter }),
      head: () => this.headPosition(),
    };
    const subscription = esdbSubscription(source, fromPosition, this.subscriptionSettings, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last event that is not EventStoreDB's own, read backwards from the end of $all. */
  async headPosition(): Promise<Position | null> {
    let from: ReadPosition = END;
    for (let count = 1; ; count = 64) {
      const read = this.open().readAll({
        direction: BACKWARDS,
        fromPosition: from,
        maxCount: count,
      });
      const page: AllStreamRecordedEvent[] = [];
      for await (const { event } of this.drain(read)) if (event) page.push(event);
      const found = page.find((event) => !isSystemEvent(event));
      if (found) return encodePosition(found.position);
      if (page.length < count) return null;
      from = page[page.length - 1].position;
    }
  }

  /** Ends subscriptions, then the connection. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.appends]);
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      this.reads.forEach((read) => read.destroy(new EventStoreClosed()));
      await this.client.dispose();
      if (this.connected) await closeChannel(this.client);
    })();
    return this.closing;
  }

  private open(): EventStoreDBClient {
    if (this.closing) throw new EventStoreClosed();
    this.connected = true;
    return this.client;
  }

  private iterable<T>(read: (this: EsdbEventStore) => AsyncGenerator<T>) {
    this.open();
    return { [Symbol.asyncIterator]: () => read.call(this) };
  }

  private async lastEvent(streamId: string): Promise<void> {
    const read = this.open().readStream(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    try {
      for await (const _ of this.drain(read));
    } catch (error) {
      throw fromClientError(error, streamId);
    }
  }

  /** Servers that answer an append without its position (`NoPosition`): read it back. */
  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    const read = this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    for await (const { event } of this.drain(read)) if (event) return toStoredEvent(event).position;
    throw new Error(`stream "${streamId}" has no event at revision ${revision}`);
  }

  /**
   * Iterates a read. Leaving early cancels the gRPC call instead of leaving it streaming; close()
   * ends reads still running (a cancelled call would otherwise never end the client's stream).
   */
  private async *drain<T>(read: StreamingRead<T>): AsyncGenerator<T> {
    read.on('error', () => undefined); // errors reach us through the iterator
    this.reads.add(read);
    let complete = false;
    try {
      for await (const item of read) yield item as T;
      complete = true;
    } finally {
      this.reads.delete(read);
      if (!complete) await read.cancel().catch(() => undefined);
    }
  }
}

const toReadPosition = (from: FromPosition): ReadPosition =>
  from === 'start' ? START : decodePosition(from);

const isAfter = (event: AllStreamRecordedEvent, after: FromPosition): boolean =>
  after === 'start' || comparePositions(encodePosition(event.position), after) > 0;

/** `dispose()` cancels the client's calls but leaves its channel, and so its connection, open. */
async function closeChannel(client: EventStoreDBClient): Promise<void> {
  const internal = client as unknown as { getChannel(): Promise<Channel> };
  // getChannel() (protected) may first have to discover the server again: never wait long for that
  const gaveUp = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), 1000).unref(),
  );
  const channel = await Promise.race([internal.getChannel().catch(() => undefined), gaveUp]);
  channel?.close();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

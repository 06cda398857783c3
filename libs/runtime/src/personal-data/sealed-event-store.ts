import {
  isChainedEventLog,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type EventWithoutMetadata,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
  type FromPosition,
  type LogRow,
} from '@app/event-store';
import type { PersonalDataSealer } from './personal-data-sealer';

/**
 * The configured event store with the personal information opened on every read: what the folds,
 * projections, audit views and tools see. Appends pass through as they come: the command path
 * seals before it hashes (`personalData.seal`), so the chain covers what is stored.
 */
export class SealedEventStore implements EventStore {
  /**
   * The log's rows exactly as stored (sealed: personal fields null, the box in `$sealed`), with
   * the links the store recorded: what the whole-log chain, the checkpoints and `history:verify`
   * hash. Present only when the store keeps that chain (SQLite, PostgreSQL), so
   * `isChainedEventLog` answers for the store underneath; never opened.
   */
  readonly readLogRows?: (options?: {
    fromPosition?: FromPosition;
    maxCount?: number;
  }) => AsyncIterable<LogRow>;

  constructor(
    readonly inner: EventStore,
    readonly personalData: PersonalDataSealer,
  ) {
    if (isChainedEventLog(inner)) this.readLogRows = (options) => inner.readLogRows(options);
  }

  appendToStream(
    streamId: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions) {
    return this.opened(this.inner.readStream(streamId, options));
  }

  readAll(options?: ReadAllOptions) {
    return this.opened(this.inner.readAll(options));
  }

  readAllWithoutMetadata(options?: ReadAllOptions): AsyncIterable<EventWithoutMetadata> {
    return this.opened(this.inner.readAllWithoutMetadata(options));
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    const subscription = this.inner.subscribeToAll(options);
    const opened = this.opened(subscription);
    return {
      [Symbol.asyncIterator]: () => opened[Symbol.asyncIterator](),
      stop: () => subscription.stop(),
    };
  }

  headPosition() {
    return this.inner.headPosition();
  }

  async close(): Promise<void> {
    await Promise.all([this.inner.close(), this.personalData.close()]);
  }

  private async *opened<E extends { streamId: string; data: unknown }>(
    events: AsyncIterable<E>,
  ): AsyncGenerator<E> {
    const sealer = this.personalData;
    for await (const event of events)
      yield sealer.isSealed(event.data) ? await sealer.open(event) : event;
  }
}

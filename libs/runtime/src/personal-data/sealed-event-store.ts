import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  EventWithoutMetadata,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '@app/event-store';
import type { PersonalDataSealer } from './personal-data-sealer';

/**
 * The configured event store with the personal information opened on every read: what the folds,
 * projections, audit views and tools see. Appends pass through as they come: the command path
 * seals before it hashes (`personalData.seal`), so the chain covers what is stored.
 */
export class SealedEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    readonly personalData: PersonalDataSealer,
  ) {}

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

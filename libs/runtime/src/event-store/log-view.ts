import type { EventStore, Position, StoredEvent } from '@app/event-store';

/**
 * A small in-process view folded from the global log, caught up to the head on each use and
 * advanced incrementally (the first use reads the log once). For the write side's own lookups,
 * such as the benefit standards a graduation grant needs; queries use the read models.
 */
export class LogView<T> {
  private state: T;
  private checkpoint: Position | 'start' = 'start';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    initial: T,
    private readonly apply: (state: T, event: StoredEvent) => T,
  ) {
    this.state = initial;
  }

  /** The view including every event appended before this call (catch-ups run one at a time). */
  current(): Promise<T> {
    const next = this.queue.then(() => this.catchUp());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async catchUp(): Promise<T> {
    for await (const event of this.store.readAll({ fromPosition: this.checkpoint })) {
      this.state = this.apply(this.state, event);
      this.checkpoint = event.position;
    }
    return this.state;
  }
}

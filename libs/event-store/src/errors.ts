import type { ExpectedRevision } from './event-store.port';

/** Base class of every error the event store throws on purpose; anything else is a driver or I/O failure. */
export abstract class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the revision the caller expected (an optimistic concurrency conflict). */
export class WrongExpectedRevision extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: bigint | 'no_stream',
  ) {
    super(
      `Stream "${streamId}": expected revision ${String(expectedRevision)}, actual ${String(actualRevision)}`,
    );
  }
}

export class StreamNotFound extends EventStoreError {
  constructor(readonly streamId: string) {
    super(`Stream "${streamId}" does not exist`);
  }
}

/** The caller passed something the store refuses to write or cannot interpret; nothing was written. */
export class InvalidEventStoreInput extends EventStoreError {
  constructor(readonly reason: string) {
    super(`Invalid event store input: ${reason}`);
  }
}

/**
 * An event id is already used by another stream (the SQLite adapter keeps ids unique store-wide).
 * Re-appending ids to their own stream is handled by idempotency or WrongExpectedRevision instead.
 */
export class DuplicateEventId extends InvalidEventStoreInput {
  constructor(
    readonly eventId: string,
    readonly existingStreamId: string,
  ) {
    super(`event id ${eventId} already exists in stream "${existingStreamId}"`);
  }
}

/** The store was closed (or is closing) when the operation was requested. */
export class EventStoreClosed extends EventStoreError {
  constructor() {
    super('The event store is closed');
  }
}

/**
 * The store's server could not be reached (or went away mid-request), and trying again did not
 * help. For an append the outcome is unknown: it may have been written. Sending the same events
 * again (same ids, same expectation) is safe: a re-append of stored ids answers the original result.
 */
export class EventStoreUnavailable extends EventStoreError {
  constructor(
    readonly server: string,
    readonly operation: string,
  ) {
    super(
      `The event store could not be reached during ${operation}: ${server}` +
        (operation === 'append' ? '; the append may or may not have been written' : ''),
    );
  }
}

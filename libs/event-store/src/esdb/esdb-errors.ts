import {
  AccessDeniedError,
  DeadlineExceededError,
  InvalidArgumentError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreError, StreamNotFound, WrongExpectedRevision } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

/** The client's typed errors, in the port's terms; anything else is passed on unchanged. */
export function fromClientError(
  error: unknown,
  streamId: string,
  expectedRevision?: ExpectedRevision,
): unknown {
  if (error instanceof WrongExpectedVersionError && expectedRevision !== undefined) {
    return new WrongExpectedRevision(streamId, expectedRevision, error.actualVersion);
  }
  if (error instanceof StreamNotFoundError) return new StreamNotFound(streamId);
  return error;
}

/**
 * The append may or may not have been written (a commit timeout, or the connection went away).
 * Re-sending the same event ids is safe when the expectation is exact: EventStoreDB then checks
 * the ids against the stream itself. With any/stream_exists it only consults a cache of recent
 * ids, which a server restart empties, so those are not retried.
 */
export function isRetryableAppendFailure(error: unknown, expected: ExpectedRevision): boolean {
  const exact = expected === 'no_stream' || typeof expected === 'bigint';
  return (
    exact &&
    (error instanceof DeadlineExceededError ||
      error instanceof TimeoutError ||
      error instanceof UnavailableError)
  );
}

/** Errors a new subscription would only meet again. */
export const isPermanentSubscriptionFailure = (error: unknown): boolean =>
  error instanceof AccessDeniedError ||
  error instanceof InvalidArgumentError ||
  error instanceof EventStoreError;

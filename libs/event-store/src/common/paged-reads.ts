import type { Position, ReadAllOptions, ReadStreamOptions, StoredEvent } from '../event-store.port';
import { StreamNotFound } from '../errors';
import {
  isIntegerPosition,
  validateReadAll,
  validateReadStream,
  validateStreamId,
} from '../validation';
import { yieldToEventLoop } from './commit-signal';
import { PAGE_SIZE } from './log-subscription';
import { itemsOf } from './page-iterable';

type MaybePromise<T> = T | Promise<T>;

/** A stream's reads, one bounded query each (SQLite answers at once, a server with promises). */
export interface StreamPages {
  /** the stream's last revision, null when it has no events */
  streamRevision(streamId: string): MaybePromise<bigint | null>;
  /** at most `limit` events from revision `from` on, in the direction asked */
  streamPage(
    streamId: string,
    from: bigint,
    forwards: boolean,
    limit: number,
  ): MaybePromise<StoredEvent[]>;
}

/**
 * `readStream` of a store, page by page. `pages()` is asked again for every query, so a store
 * closed meanwhile can refuse it. StreamNotFound when the stream has no events: asked of the store
 * only when the first page is empty (or nothing is to be read), never on the usual read.
 */
export function readStreamPages(
  pages: () => StreamPages,
  streamId: string,
  options?: ReadStreamOptions,
): AsyncIterable<StoredEvent> {
  const stream = validateStreamId(streamId);
  const { fromRevision, direction, maxCount } = validateReadStream(options);
  const forwards = direction === 'forwards';
  const mustExist = async () => {
    if ((await pages().streamRevision(stream)) === null) throw new StreamNotFound(stream);
  };
  pages();
  return itemsOf(async function* () {
    let next: bigint;
    if (fromRevision === 'end') {
      const last = await pages().streamRevision(stream);
      if (last === null) throw new StreamNotFound(stream);
      next = forwards ? last + 1n : last;
    } else next = fromRevision === 'start' ? 0n : fromRevision;
    if (maxCount === 0) return mustExist();
    for (let left = maxCount, first = true; left > 0 && next >= 0n; first = false) {
      const limit = Math.min(PAGE_SIZE, left);
      const events = await pages().streamPage(stream, next, forwards, limit);
      if (first && events.length === 0 && fromRevision !== 'end') await mustExist();
      yield events;
      if (events.length < limit) return;
      left -= events.length;
      next = events[events.length - 1].revision + (forwards ? 1n : -1n);
      await yieldToEventLoop();
    }
  });
}

/**
 * The global log of a store with integer positions, strictly after `fromPosition`, one `page` at
 * a time; bounded by the head read first, so a busy log cannot keep the read going for ever.
 */
export function readLogPages<T extends { position: Position }>(
  head: () => MaybePromise<bigint>,
  page: (after: bigint, head: bigint, limit: number) => MaybePromise<T[]>,
  options?: ReadAllOptions,
): AsyncIterable<T> {
  const { fromPosition, maxCount } = validateReadAll(options, isIntegerPosition);
  return itemsOf(async function* () {
    const upTo = await head();
    let after = fromPosition === 'start' ? 0n : BigInt(fromPosition);
    for (let left = maxCount; left > 0 && after < upTo;) {
      const limit = Math.min(PAGE_SIZE, left);
      const events = await page(after, upTo, limit);
      yield events;
      if (events.length < limit) return;
      left -= events.length;
      after = BigInt(events[events.length - 1].position);
      await yieldToEventLoop();
    }
  });
}

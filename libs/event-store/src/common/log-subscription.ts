import type { AllSubscription, StoredEvent, SubscribeToAllOptions } from '../event-store.port';
import { isIntegerPosition, validateReadAll, validateStreamPrefixes } from '../validation';
import { yieldToEventLoop } from './commit-signal';

type MaybePromise<T> = T | Promise<T>;

/**
 * What a subscription needs from a store whose global positions are integers that every reader
 * sees as a prefix (SQLite: one writer; PostgreSQL: one appender at a time). SQLite answers
 * synchronously; a server store returns promises.
 */
export interface SubscriptionSource {
  /** Last committed position, 0n when empty. */
  head(): MaybePromise<bigint>;
  /** Events with after < position <= upTo, in order, at most `limit`, filtered by prefixes. */
  page(
    after: bigint,
    upTo: bigint,
    limit: number,
    prefixes?: string[],
  ): MaybePromise<StoredEvent[]>;
  /** Resolves on the next commit this process learns of. */
  nextCommit(): Promise<void>;
  /**
   * A read failed: how many ms to wait before reading again (the cursor has not moved, so
   * nothing is skipped or repeated), or null to end the subscription with the error.
   */
  retryAfter?(error: unknown, attempt: number): number | null;
}

export const PAGE_SIZE = 500;

/**
 * Catch-up and live are one loop: read pages up to the head, then wait for a commit and read again.
 * The cursor only ever moves to positions actually covered by a read, and positions are gap-free
 * and committed atomically, so the switch to live can neither skip nor repeat an event.
 */
export function logSubscription(
  source: SubscriptionSource,
  from: bigint,
  prefixes: string[] | undefined,
  onEnd: () => void,
): AllSubscription {
  let stopped = false;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  let wake: (() => void) | undefined;
  /** Resolves on the next commit, or at once when stopped. */
  const sleep = (until: Promise<void>) =>
    new Promise<void>((resolve) => {
      // Not Promise.race with a long-lived stop promise: that would leak one reaction per wait.
      wake = resolve;
      void until.then(resolve);
    }).then(() => (wake = undefined));

  /**
   * The read, again after `retryAfter` says so; a failure it does not retry ends the loop.
   * Undefined when stopped while waiting to retry.
   */
  async function reading<T>(read: () => MaybePromise<T>): Promise<T | undefined> {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        return await read();
      } catch (error) {
        const delay = stopped ? null : (source.retryAfter?.(error, attempt) ?? null);
        if (delay === null) throw error;
        await sleep(new Promise((resolve) => setTimeout(resolve, delay).unref()));
      }
    }
    return undefined;
  }

  async function* run(): AsyncGenerator<StoredEvent> {
    try {
      let cursor = from;
      while (!stopped) {
        const committed = source.nextCommit();
        const head = await reading(() => source.head());
        if (head === undefined) return;
        while (cursor < head && !stopped) {
          const events = await reading(() => source.page(cursor, head, PAGE_SIZE, prefixes));
          if (events === undefined) return;
          for (const event of events) {
            if (stopped) return;
            yield event;
          }
          const full = events.length === PAGE_SIZE;
          cursor = full ? BigInt(events[events.length - 1].position) : head;
          await yieldToEventLoop();
        }
        if (stopped) return;
        await sleep(committed);
      }
    } finally {
      end();
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async stop() {
      stopped = true;
      wake?.();
      await iterator.return(undefined);
      end(); // return() skips the body, finally included, when iteration never started
    },
  };
}

/**
 * `subscribeToAll` of a store with integer positions: the options checked, the subscription kept
 * in `live` while it runs, and `changed` called when it starts and when it ends.
 */
export function subscribeToLog(
  source: SubscriptionSource,
  options: SubscribeToAllOptions,
  live: Set<AllSubscription>,
  changed: () => void,
): AllSubscription {
  const { fromPosition } = validateReadAll(options, isIntegerPosition);
  const prefixes = validateStreamPrefixes(options.streamPrefixes);
  const from = fromPosition === 'start' ? 0n : BigInt(fromPosition);
  const subscription = logSubscription(source, from, prefixes, () => {
    live.delete(subscription);
    changed();
  });
  live.add(subscription);
  changed();
  return subscription;
}

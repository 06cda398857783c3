import type { AllSubscription, StoredEvent } from '../event-store.port';
import { yieldToEventLoop } from './commit-signal';

/** What a subscription needs from the store; every call is synchronous and short. */
export interface SubscriptionSource {
  /** Last committed position, 0n when empty. */
  head(): bigint;
  /** Events with after < position <= upTo, in order, at most `limit`, filtered by prefixes. */
  page(after: bigint, upTo: bigint, limit: number, prefixes?: string[]): StoredEvent[];
  /** Resolves on the next commit this process learns of. */
  nextCommit(): Promise<void>;
}

export const PAGE_SIZE = 500;

/**
 * Catch-up and live are one loop: read pages up to the head, then wait for a commit and read again.
 * The cursor only ever moves to positions actually covered by a read, and positions are gap-free
 * and committed atomically, so the switch to live can neither skip nor repeat an event.
 */
export function sqliteSubscription(
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

  async function* run(): AsyncGenerator<StoredEvent> {
    try {
      let cursor = from;
      while (!stopped) {
        const committed = source.nextCommit();
        const head = source.head();
        while (cursor < head && !stopped) {
          const events = source.page(cursor, head, PAGE_SIZE, prefixes);
          for (const event of events) {
            if (stopped) return;
            yield event;
          }
          const full = events.length === PAGE_SIZE;
          cursor = full ? BigInt(events[events.length - 1].position) : head;
          await yieldToEventLoop();
        }
        if (stopped) return;
        // Not Promise.race with a long-lived stop promise: that would leak one reaction per wait.
        await new Promise<void>((resolve) => {
          wake = resolve;
          void committed.then(resolve);
        });
        wake = undefined;
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

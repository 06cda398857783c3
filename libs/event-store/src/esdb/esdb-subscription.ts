import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  Position as EsdbPosition,
} from '@eventstore/db-client';
import type { AllSubscription, FromPosition, Position, StoredEvent } from '../event-store.port';
import { comparePositions } from '../position';
import { isPermanentSubscriptionFailure } from './esdb-errors';
import { isSystemEvent, toStoredEvent } from './esdb-events';
import { encodePosition } from './esdb-position';

export interface ResubscribeEvent {
  reason: 'dropped' | 'ended' | 'stalled';
  error?: unknown;
  /** the new subscription starts strictly after this */
  from: FromPosition;
  /** consecutive resubscriptions without progress, from 1 */
  attempt: number;
}

export interface EsdbSubscriptionSettings {
  /**
   * Waiting this long (ms) for the next event or checkpoint, while the log's head is past the
   * last position seen, counts as a stall: the subscription is replaced. Default 30 000.
   */
  stallTimeoutMs: number;
  /** Delay before the n-th resubscription in a row: 0, then min(initial × 2^(n−2), max). */
  retryDelayMs: { initial: number; max: number };
  /** Also resume after the server's checkpoints, not only after delivered events. Default true. */
  resumeFromCheckpoints: boolean;
  onResubscribe?: (event: ResubscribeEvent) => void;
}

export const DEFAULT_SUBSCRIPTION_SETTINGS: EsdbSubscriptionSettings = {
  stallTimeoutMs: 30_000,
  retryDelayMs: { initial: 50, max: 5_000 },
  resumeFromCheckpoints: true,
};

/** A checkpoint, put into the client's subscription stream between the events it came between. */
interface CheckpointMarker {
  checkpoint: EsdbPosition;
}
type Item = AllStreamResolvedEvent | CheckpointMarker;

/**
 * For the client's `checkpointReached`: it runs inside the subscription's transform, after the
 * events received before the checkpoint were pushed, so pushing the marker keeps server order.
 */
export function pushCheckpoint(subscription: AllStreamSubscription, position: EsdbPosition): void {
  subscription.push({ checkpoint: position } satisfies CheckpointMarker);
}

export interface SubscriptionSource {
  /** A server subscription to $all strictly after `from`, with checkpoint markers pushed into it. */
  open(from: FromPosition): AllStreamSubscription;
  head(): Promise<Position | null>;
}

const STOP = Symbol('stop');
const STALLED = Symbol('stalled');
type Signal = typeof STOP | typeof STALLED;

/**
 * A subscription to $all that outlives the client's: when the server's subscription errors, ends
 * or stalls, it opens a new one strictly after the last position it saw (an event, or a checkpoint)
 * and drops anything at or before it, so consumers see neither gaps nor duplicates.
 */
export function esdbSubscription(
  source: SubscriptionSource,
  from: FromPosition,
  settings: EsdbSubscriptionSettings,
  onEnd: () => void,
): AllSubscription {
  let stopped = false;
  let ended = false;
  let interrupt: ((signal: Signal) => void) | undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  // Not Promise.race with a long-lived stop promise: that would leak one reaction per wait.
  const interruptible = <T>(promise: Promise<T>) =>
    new Promise<T | Signal>((resolve, reject) => {
      interrupt = resolve;
      promise.then(resolve, reject);
    });
  const pause = (ms: number) =>
    new Promise<Signal | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      interrupt = (signal) => {
        clearTimeout(timer);
        resolve(signal);
      };
    });

  async function* run(): AsyncGenerator<StoredEvent> {
    let last = from;
    let attempt = 0;
    const isBehind = async () => {
      const head = await withTimeout(source.head(), settings.stallTimeoutMs);
      return head !== null && (last === 'start' || comparePositions(head, last) > 0);
    };
    try {
      while (!stopped) {
        const inner = source.open(last);
        inner.on('error', () => undefined); // errors reach us through the iterator below
        const items = inner[Symbol.asyncIterator]() as AsyncIterator<Item>;
        const watchdog = new StallWatchdog(settings.stallTimeoutMs, isBehind, () =>
          interrupt?.(STALLED),
        );
        let reason: ResubscribeEvent['reason'] = 'ended';
        let error: unknown;
        try {
          for (;;) {
            let step: IteratorResult<Item> | Signal;
            watchdog.waiting(true);
            try {
              step = await interruptible(items.next());
            } catch (failure) {
              if (stopped) return;
              if (isPermanentSubscriptionFailure(failure)) throw failure;
              [reason, error] = ['dropped', failure];
              break;
            } finally {
              watchdog.waiting(false);
            }
            if (step === STOP) return;
            if (step === STALLED) {
              reason = 'stalled';
              break;
            }
            if (step.done) break;
            const item = step.value;
            if ('checkpoint' in item) {
              const checkpoint = encodePosition(item.checkpoint);
              if (settings.resumeFromCheckpoints && isAfter(checkpoint, last)) last = checkpoint;
              attempt = 0;
              continue;
            }
            const event = item.event;
            if (!event) continue;
            const position = encodePosition(event.position);
            if (!isAfter(position, last)) continue;
            last = position;
            attempt = 0;
            if (isSystemEvent(event)) continue;
            yield toStoredEvent(event);
          }
        } finally {
          watchdog.stop();
          await close(inner);
        }
        if (stopped) return;
        attempt += 1;
        settings.onResubscribe?.({ reason, error, from: last, attempt });
        if ((await pause(retryDelay(settings, attempt))) === STOP) return;
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
      interrupt?.(STOP);
      await iterator.return(undefined);
      end(); // return() skips the body, finally included, when iteration never started
    },
  };
}

const isAfter = (position: Position, last: FromPosition): boolean =>
  last === 'start' || comparePositions(position, last) > 0;

function retryDelay({ retryDelayMs }: EsdbSubscriptionSettings, attempt: number): number {
  if (attempt <= 1) return 0;
  return Math.min(retryDelayMs.initial * 2 ** (attempt - 2), retryDelayMs.max);
}

async function close(subscription: AllStreamSubscription): Promise<void> {
  try {
    await subscription.unsubscribe(); // cancels the gRPC call
  } catch {
    // the call never started (no connection): nothing to cancel
  }
  subscription.destroy();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One lazily armed timer per subscription. Only time spent waiting for the server counts; while
 * the wait lasts longer than `ms`, it asks `isBehind` every `ms` and calls `onStall` on a yes
 * (or when the question itself fails).
 */
class StallWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private since: number | undefined;
  private stopped = false;

  constructor(
    private readonly ms: number,
    private readonly isBehind: () => Promise<boolean>,
    private readonly onStall: () => void,
  ) {}

  waiting(on: boolean): void {
    this.since = on ? Date.now() : undefined;
    if (on) this.arm(this.ms);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private arm(ms: number): void {
    this.timer ??= setTimeout(() => void this.check(), ms).unref();
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    const since = this.since;
    if (since === undefined || this.stopped) return;
    const waited = Date.now() - since;
    if (waited < this.ms) return this.arm(this.ms - waited);
    const behind = await this.isBehind().catch(() => true);
    if (this.stopped || this.since !== since) return; // something arrived meanwhile
    if (behind) return this.onStall();
    this.since = Date.now();
    this.arm(this.ms);
  }
}

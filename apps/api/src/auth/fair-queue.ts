import { RateLimited } from '@app/runtime/errors/app-errors';

/**
 * Heavy reads take turns: at most `slots` run at once, and the callers waiting for a slot are
 * served round-robin by principal, so fifty requests of one token queue behind each other, not in
 * front of someone else's one. A principal with `maxWaiting` requests already waiting is told to
 * come back (RateLimited) instead of queueing more.
 *
 * A turn always starts on a later turn of the event loop (setImmediate), never inside the I/O
 * callback that asked for it: the callbacks of the other sockets that are ready (someone else's
 * cheap request) run first, and between two heavy reads.
 */
export class FairQueue {
  private running = 0;
  private scheduled = false;
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(principal: string, work: () => Promise<T>): Promise<T> {
    await this.turn(principal);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Resolves when the caller may start; call release() when it is done. */
  turn(principal: string): Promise<void> {
    const mine = this.waiting.get(principal) ?? [];
    if (mine.length >= this.maxWaiting) return Promise.reject(new RateLimited(1));
    return new Promise((start) => {
      mine.push(start);
      this.waiting.set(principal, mine);
      this.schedule();
    });
  }

  release(): void {
    this.running--;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  /** Starts waiters while slots are free: the first principal waiting, who then goes to the back. */
  private dispatch(): void {
    while (this.running < this.slots) {
      const next = this.waiting.entries().next();
      if (next.done) return;
      const [principal, queue] = next.value;
      const start = queue.shift()!;
      this.waiting.delete(principal);
      if (queue.length > 0) this.waiting.set(principal, queue);
      this.running++;
      start();
    }
  }
}

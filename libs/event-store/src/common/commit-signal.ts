/**
 * Wakes live subscriptions when new events are committed. Take `next()` BEFORE reading the head:
 * a commit that lands after the read then resolves the promise already held, so no wake-up is lost.
 */
export class CommitSignal {
  private resolveCurrent!: () => void;
  private current = this.fresh();

  next(): Promise<void> {
    return this.current;
  }

  notify(): void {
    const resolve = this.resolveCurrent;
    this.current = this.fresh();
    resolve();
  }

  private fresh(): Promise<void> {
    return new Promise<void>((resolve) => (this.resolveCurrent = resolve));
  }
}

/** Lets a long read give the event loop (and so the group-commit flush) a turn between pages. */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => setImmediate(resolve));

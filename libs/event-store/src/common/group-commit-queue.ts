/** What one queued request ended with; the commit function reports one per request, in order. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  request: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests queued in the same turn of the event loop (or while an earlier batch
 * is being committed) are handed to `commit` together, so they share one transaction and one
 * fsync. `commit` returns one outcome per request, or throws (rejects) when the whole batch
 * failed (for example the COMMIT itself), which rejects every request in it. It may be
 * synchronous (better-sqlite3) or return a promise (a database server): one batch is in flight
 * at a time, and what queues meanwhile is the next batch.
 */
export class GroupCommitQueue<T, R> {
  private queue: Pending<T, R>[] = [];
  private scheduled = false;
  private committing = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly commit: (batch: readonly T[]) => Outcome<R>[] | Promise<Outcome<R>[]>,
    private readonly maxBatchSize = 1000,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  enqueue(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every request queued so far has been committed or failed. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.committing) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.committing) return;
    this.scheduled = true;
    // setImmediate rather than a microtask: every caller whose previous append just resolved gets
    // to queue its next one (in the microtasks that follow) before the batch is cut.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatchSize);
    let outcomes: Outcome<R>[] | Promise<Outcome<R>[]>;
    try {
      outcomes = this.commit(batch.map((p) => p.request));
    } catch (error) {
      outcomes = failed(batch, error);
    }
    if (!(outcomes instanceof Promise)) return this.settle(batch, outcomes);
    this.committing = true;
    outcomes.then(
      (settled) => this.settle(batch, settled),
      (error: unknown) => this.settle(batch, failed(batch, error)),
    );
  }

  private settle(batch: Pending<T, R>[], outcomes: Outcome<R>[]): void {
    this.committing = false;
    if (outcomes.length !== batch.length)
      outcomes = failed(batch, new Error('group commit: one outcome per request'));
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
    if (this.queue.length > 0) this.schedule();
    else this.idle.splice(0).forEach((resolve) => resolve());
  }
}

const failed = <R>(batch: readonly unknown[], error: unknown): Outcome<R>[] =>
  batch.map(() => ({ ok: false, error }));

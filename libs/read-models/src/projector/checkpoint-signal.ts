import { comparePositions, type FromPosition, type Position } from '@app/event-store';

export type WaitOutcome = 'reached' | 'timeout' | 'failed';

type Waiter = { target: Position; settle: (outcome: WaitOutcome) => void };

/**
 * Told of every move before any waiter wakes: the ids of the cases whose rows changed, or
 * `'all'` when the mover cannot say (another process's checkpoint, a reset).
 */
export type AdvanceListener = (changedCases: readonly string[] | 'all') => void;

/**
 * The projections' checkpoint as it advances, for readers that must see a given position
 * (`consistentWith`). Waiters are woken by `advance`, never by polling; each has its own deadline.
 */
export class CheckpointSignal {
  private current: FromPosition = 'start';
  private failed = false;
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<AdvanceListener>();

  get position(): FromPosition {
    return this.current;
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  reached(target: Position): boolean {
    return comparePositions(this.current, target) >= 0;
  }

  /** `changedCases`: the cases whose rows the move changed, when the mover knows them. */
  advance(position: Position, changedCases: readonly string[] | 'all' = 'all'): void {
    this.current = position;
    for (const listener of this.listeners) listener(changedCases);
    for (const waiter of this.waiters) if (this.reached(waiter.target)) waiter.settle('reached');
  }

  /** The projections stopped: nobody waiting will see their position. */
  fail(): void {
    this.failed = true;
    for (const waiter of this.waiters) waiter.settle('failed');
  }

  /** Forgets a failure (a rebuild or restart starts over). */
  reset(position: FromPosition): void {
    this.failed = false;
    this.current = position;
    for (const listener of this.listeners) listener('all');
  }

  /**
   * The read models changed without the checkpoint moving forward (another process rebuilt them
   * and is behind this signal, or wrote what this process cannot tell): listeners drop what
   * they hold.
   */
  invalidate(): void {
    for (const listener of this.listeners) listener('all');
  }

  /** Calls `listener` on every advance, reset and invalidation; the returned function stops it. */
  onAdvance(listener: AdvanceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  waitFor(target: Position, timeoutMs: number): Promise<WaitOutcome> {
    if (this.reached(target)) return Promise.resolve('reached');
    if (this.failed) return Promise.resolve('failed');
    return new Promise<WaitOutcome>((resolve) => {
      const waiter: Waiter = {
        target,
        settle: (outcome) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(outcome);
        },
      };
      const timer = setTimeout(() => waiter.settle('timeout'), timeoutMs);
      this.waiters.add(waiter);
    });
  }
}

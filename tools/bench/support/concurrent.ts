export interface LoopResult {
  ops: number;
  ms: number;
}

export const perSecond = ({ ops, ms }: LoopResult): number => (ms > 0 ? (ops * 1000) / ms : 0);

/**
 * `callers` loops run `op` back to back until `durationMs` has passed; the clock stops when the
 * last operation in flight has finished, so every counted operation is inside the measured time.
 */
export async function runConcurrently(
  callers: number,
  durationMs: number,
  op: (caller: number) => Promise<void>,
): Promise<LoopResult> {
  let ops = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      while (performance.now() < deadline) {
        await op(caller);
        ops++;
      }
    }),
  );
  return { ops, ms: performance.now() - start };
}

/** Runs `op` in a synchronous loop (no event-loop turns) in slices until `durationMs` has passed. */
export function runSynchronously(durationMs: number, op: () => void): LoopResult {
  let ops = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  while (performance.now() < deadline) {
    for (let i = 0; i < 50; i++) op();
    ops += 50;
  }
  return { ops, ms: performance.now() - start };
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

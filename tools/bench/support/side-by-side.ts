import { graphqlLoad, type LoadResult } from './http-load';
import { progress } from './progress';

/** One server under the `case(id)` load. */
export interface LoadTarget {
  name: string;
  url: string;
  token?: string;
}

export interface SideBySide {
  query: string;
  /** case ids, cycled through by every target */
  ids: readonly string[];
  connections: number;
  warmupSeconds: number;
  /** measured windows per target */
  rounds: number;
  windowSeconds: number;
}

/** A target's windows together: requests over their summed time, p99 of the worst window. */
export type SideBySideResult = LoadResult & { windows: number };

/**
 * Loads the targets side by side: each warms up, then every round gives each a window of
 * `windowSeconds` in turn, the order rotating by one every round. Measured one after another,
 * each server met its own stretch of this shared host, whose speed drifts by a fifth within a
 * minute; in alternating windows they meet the same mix of moments (the host's noise within a
 * window stays). Results are in the order of `targets`.
 */
export async function loadSideBySide(
  targets: readonly LoadTarget[],
  load: SideBySide,
): Promise<SideBySideResult[]> {
  const next = targets.map(() => 0);
  const window = (t: number, seconds: number) =>
    graphqlLoad({
      url: `${targets[t].url}/graphql`,
      token: targets[t].token,
      query: load.query,
      variables: () => ({ id: load.ids[next[t]++ % load.ids.length] }),
      connections: load.connections,
      seconds,
    });
  for (const [t, target] of targets.entries()) {
    progress('http', `${target.name}: warming up ${load.warmupSeconds} s`);
    await window(t, load.warmupSeconds);
  }
  const windows: LoadResult[][] = targets.map(() => []);
  for (let round = 0; round < load.rounds; round++) {
    progress(
      'http',
      `round ${round + 1}/${load.rounds}: ${load.windowSeconds} s each, ${load.connections} connections`,
    );
    for (let i = 0; i < targets.length; i++) {
      const t = (round + i) % targets.length;
      windows[t].push(await window(t, load.windowSeconds));
    }
  }
  return windows.map((runs, t) => {
    const result = combined(runs);
    const failures = result.non2xx + result.errors + result.graphqlErrors;
    if (failures)
      progress(
        'http',
        `${targets[t].name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.graphqlErrors} GraphQL errors`,
      );
    return result;
  });
}

/** Windows of one target as one load: rates from the totals, latency from the worst window. */
export function combined(runs: readonly LoadResult[]): SideBySideResult {
  const sum = (f: (r: LoadResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => r.seconds);
  return {
    rps: seconds > 0 ? requests / seconds : 0,
    p99Ms: Math.max(0, ...runs.map((r) => r.p99Ms)),
    requests,
    seconds,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    graphqlErrors: sum((r) => r.graphqlErrors),
    windows: runs.length,
  };
}

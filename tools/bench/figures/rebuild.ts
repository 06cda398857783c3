import { DEFAULT_POLICY } from '@app/domain';
import { rebuildReadModels } from '@app/read-models';
import { createEventStore } from '@app/runtime/event-store/event-store.module';
import { createReadModelStore } from '@app/runtime/projections/read-model-store.factory';
import { benchConfig } from '../support/bench-app';
import { progress } from '../support/progress';
import type { Measured } from './measured';

/**
 * rebuildEventsPerSec: what `npm run projections:rebuild` runs (the same stores from the same
 * configuration, the same rebuildReadModels), in this process, `runs` timed times over the same
 * log after `warmupRuns` untimed ones. The quick run's log rebuilds in a few tenths of a second,
 * so its first run is mostly the JIT warming up (half again as long as the next), and the next
 * one collects the garbage the seed phase left in this process (a mark-compact of ~200 MB); the
 * raw read it is compared with repeats for 1.5 s. A province-sized rebuild is warm almost all along.
 */
export async function measureRebuild(
  dataDir: string,
  runs: number,
  warmupRuns = 0,
): Promise<Measured> {
  const config = benchConfig(dataDir);
  let events = 0;
  let ms = 0;
  const times: number[] = [];
  for (let run = -warmupRuns; run < runs; run++) {
    const log = createEventStore(config);
    const store = createReadModelStore(config);
    try {
      const started = performance.now();
      const result = await rebuildReadModels(log, store, { policy: DEFAULT_POLICY });
      const took = performance.now() - started;
      if (result.failure) {
        const f = result.failure;
        return {
          figures: { rebuildEventsPerSec: null, rebuildSeconds: null },
          missing: {
            rebuildEventsPerSec: `the rebuild stopped at position ${f.position} (${f.type}): ${f.error}`,
          },
        };
      }
      const what = `${result.events} events in ${(took / 1000).toFixed(2)} s`;
      if (run < 0) {
        progress('rebuild', `warm-up run: ${what}`);
        continue;
      }
      events += result.events;
      ms += took;
      times.push(took / 1000);
      progress('rebuild', `run ${run + 1}/${runs}: ${what}`);
    } finally {
      await store.close();
      await log.close();
    }
  }
  return {
    figures: { rebuildEventsPerSec: (events * 1000) / ms, rebuildSeconds: Math.min(...times) },
    notes: { rebuildRuns: runs, rebuildWarmupRuns: warmupRuns, rebuildEvents: events / runs },
  };
}

import { Presets, SingleBar } from 'cli-progress';
import { rebuildReadModels } from '@app/read-models';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createEventStore } from '../apps/api/src/infrastructure/event-store.module';
import { createReadModelStore } from '../apps/api/src/read-models/read-model-store.factory';

/**
 * `npm run projections:rebuild`: every read model again from position 0 of the configured event
 * store, with a progress bar, ending with the number of events replayed. Stop the server first:
 * its projector writes to the same store.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const events = createEventStore(config);
  const store = createReadModelStore(config);
  const head = await events.headPosition();
  // SQLite positions count events from 1; other stores show a count without a total
  const total = head !== null && /^\d+$/.test(head) ? Number(head) : 0;
  const bar = new SingleBar(
    {
      format: 'rebuilding read models [{bar}] {percentage}% | {value}/{total} events',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  try {
    const result = await rebuildReadModels(events, store, {
      onProgress: (replayed) => bar.update(replayed, { total: Math.max(total, replayed) }),
    });
    bar.stop();
    if (result.failure) {
      const f = result.failure;
      console.error(
        `projection ${f.projection} stopped at position ${f.position} on event type ${f.type}: ${f.error}`,
      );
      console.log(`Replayed ${result.events} events, then stopped.`);
      return 1;
    }
    console.log(`Replayed ${result.events} events.`);
    return 0;
  } finally {
    bar.stop();
    await store.close();
    await events.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`projections:rebuild: ${(error as Error).message}`);
    process.exit(1);
  },
);

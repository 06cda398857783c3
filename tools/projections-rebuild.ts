import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import {
  describeHolder,
  rebuildReadModels,
  thisProcess,
  type ProjectionLease,
  type ReadModelStore,
} from '@app/read-models';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createEventStore } from '../apps/api/src/infrastructure/event-store.module';
import { createReadModelStore } from '../apps/api/src/read-models/read-model-store.factory';

const usage = `usage: npm run projections:rebuild [-- --wait]
Rebuilds every read model from the event log. Exits 0 when done, 1 when an event could not be
projected, 2 when another process (a running server, apps/projector) projects into the same read
models: stop it first, or pass --wait to wait until it lets go.`;

/**
 * `npm run projections:rebuild`: every read model again from position 0 of the configured event
 * store into the configured read-model store (READ_MODEL_STORE: the SQLite file in DATA_DIR, or
 * the PostgreSQL database of DATABASE_URL), with a progress bar, ending with the number of events
 * replayed. It holds the store's projector lock while it runs: a server beside it stands by, and
 * a running server or projector makes it stop (or wait, with --wait) naming that process.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      wait: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  const events = createEventStore(config);
  const store = createReadModelStore(config);
  const lease = await claim(store, config, values.wait);
  if (lease === null) {
    await store.close();
    await events.close();
    return 2;
  }
  console.error(`rebuilding the read models in ${describeStore(config)}`);
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
    await lease.release();
    await store.close();
    await events.close();
  }
}

/**
 * The read models, for this process alone: a server or a projector writing into them beside a
 * rebuild would interleave with it. Held elsewhere: wait for it (--wait), or stop naming it.
 */
async function claim(
  store: ReadModelStore,
  config: ReturnType<typeof loadConfig>,
  wait: boolean,
): Promise<ProjectionLease | null> {
  for (let told = false; ;) {
    const answer = await store.claimProjection(thisProcess());
    if ('lease' in answer) return answer.lease;
    const holder = describeHolder(answer.heldBy);
    if (!wait) {
      console.error(
        `projections:rebuild: the read models in ${describeStore(config)} are being projected by ` +
          `${holder}. Stop it first (or run again with --wait to wait for it).`,
      );
      return null;
    }
    if (!told)
      console.error(`projections:rebuild: waiting for ${holder} to let go of the read models`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Where the models go, without credentials. */
function describeStore(config: ReturnType<typeof loadConfig>): string {
  if (config.readModelStore === 'sqlite') return `${config.dataDir}/read-models.sqlite`;
  const url = new URL(config.databaseUrl!);
  return `PostgreSQL database ${url.pathname.slice(1)} on ${url.host}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`projections:rebuild: ${(error as Error).message}`);
    process.exit(1);
  },
);

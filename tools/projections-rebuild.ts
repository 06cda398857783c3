import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import {
  describeHolder,
  rebuildReadModels,
  type ProjectorLease,
  type ProjectorLock,
} from '@app/read-models';
import { loadConfig } from '@app/runtime/config/app-config';
import { createEventStore } from '@app/runtime/event-store/event-store.module';
import { processName } from '@app/runtime/projections/leader-projections';
import { createReadModelStore } from '@app/runtime/projections/read-model-store.factory';

const usage = `usage: npm run projections:rebuild [-- --wait]
Rebuilds every read model from the event log. Exits 0 when done, 1 when an event could not be
projected, 2 when another process (a running server, apps/projector) projects into the same read
models: stop it first, or pass --wait to wait until it lets go.`;

/**
 * `npm run projections:rebuild`: every read model again from position 0 of the configured event
 * store into the configured read-model store (READ_MODEL_STORE: the SQLite file in DATA_DIR, or
 * the PostgreSQL database of DATABASE_URL), with a progress bar, ending with the number of events
 * replayed. It holds the store's projector lock while it runs (a server beside it stands by); while
 * another process holds it (apps/projector, an api with PROJECTIONS=internal) it stops naming that
 * process (exit 2), or waits for it with --wait.
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
  // a rebuild reads events and writes read models: it needs no token or identity secrets
  const config = loadConfig({
    ...process.env,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET || 'unused-by-projections-rebuild-0123456789',
    IDENTITY_HMAC_KEY: process.env.IDENTITY_HMAC_KEY || 'unused-by-projections-rebuild-0123456789',
  });
  const events = createEventStore(config);
  const store = createReadModelStore(config);
  const lease = await acquire(store.projectorLock(processName('rebuild')), config, values.wait);
  if (lease === null) {
    await Promise.all([store.close(), events.close()]);
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
      policy: config.policy.case,
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
async function acquire(
  lock: ProjectorLock,
  config: ReturnType<typeof loadConfig>,
  wait: boolean,
): Promise<ProjectorLease | null> {
  for (let told = false; ;) {
    const lease = await lock.tryAcquire();
    if (lease) return lease;
    const holder = await lock.holder();
    if (holder === null) continue; // let go in between: try again at once
    const who = describeHolder(holder);
    if (!wait) {
      console.error(
        `projections:rebuild: ${holder.name} is projecting into ${describeStore(config)} ` +
          `(the read models are projected by ${who}). Stop it first (apps/projector, or api ` +
          'instances with PROJECTIONS=internal), or run again with --wait to wait until it lets go.',
      );
      await lock.close();
      return null;
    }
    if (!told)
      console.error(`projections:rebuild: waiting for ${who} to let go of the read models`);
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

import { Presets, SingleBar } from 'cli-progress';
import { rebuildReadModels } from '@app/read-models';
import { loadConfig } from '../apps/api/src/config/app-config';
import { createEventStore } from '../apps/api/src/infrastructure/event-store.module';
import { processName } from '../apps/api/src/read-models/leader-projections';
import { createReadModelStore } from '../apps/api/src/read-models/read-model-store.factory';

/**
 * `npm run projections:rebuild`: every read model again from position 0 of the configured event
 * store into the configured read-model store (READ_MODEL_STORE: the SQLite file in DATA_DIR, or
 * the PostgreSQL database of DATABASE_URL), with a progress bar, ending with the number of events
 * replayed. It takes the store's projector lock, so it refuses to start while a process projects
 * into the store (apps/projector, or an api with PROJECTIONS=internal), naming it: stop that first.
 */
async function main(): Promise<number> {
  // a rebuild reads events and writes read models: it needs no token or identity secrets
  const config = loadConfig({
    ...process.env,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET || 'unused-by-projections-rebuild',
    IDENTITY_HMAC_KEY: process.env.IDENTITY_HMAC_KEY || 'unused-by-projections-rebuild',
  });
  const events = createEventStore(config);
  const store = createReadModelStore(config);
  const lock = store.projectorLock(processName('rebuild'));
  const lease = await lock.tryAcquire();
  if (lease === null) {
    const holder = await lock.holder();
    await lock.close();
    console.error(
      `projections:rebuild: ${holder?.name ?? 'another process'} is projecting into ` +
        `${describeStore(config)}${holder?.since ? ` (since ${holder.since})` : ''}; stop it ` +
        '(apps/projector, or api instances with PROJECTIONS=internal), then rebuild',
    );
    await Promise.all([store.close(), events.close()]);
    return 1;
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

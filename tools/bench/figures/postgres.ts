import { DEFAULT_POLICY } from '@app/domain';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@app/event-store/testing/postgres-databases';
import { PostgresReadModelStore, rebuildReadModels } from '@app/read-models';
import { copyEvents } from '../../copy/copy-events';
import { perSecond } from '../support/concurrent';
import { progress } from '../support/progress';
import { measureAppendOn } from './append';
import { measureCommands } from './commands';
import type { Durations, Measured } from './measured';
import { measureApiScaling } from './pg-api-scaling';
import { measureRawPostgres } from './raw-postgres';
import type { Dataset } from './seed';

/**
 * The PostgreSQL figures, each on a database of its own on DATABASE_URL's server (created and
 * dropped here): the raw ceilings, the appends, the command path, the rebuild of the seeded log,
 * and recordVisit over HTTP on one api process against two.
 */
export async function measurePostgres(
  dir: string,
  dataset: Dataset,
  asOf: string,
  durations: Durations,
  quick: boolean,
): Promise<Measured> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL is not set: the PostgreSQL figures need a server');
  const databases: TestDatabase[] = [];
  const database = async () => {
    const db = await createTestDatabase(server);
    databases.push(db);
    return db.url;
  };
  try {
    const store = await PostgresEventStore.open({ connectionString: await database() });
    const append = await measureAppendOn(store, durations).finally(() => store.close());
    const batch = Math.max(1, Math.round(append.appendsPerCommit));
    progress(
      'postgres',
      `appends: ${Math.round(append.perSec)}/s, ${append.appendsPerCommit} per commit`,
    );
    // the quick run keeps the whole bench under two minutes: shorter ceilings, fewer cases
    const short = quick ? { ...durations, measureMs: durations.measureMs / 2 } : durations;
    const cases = quick ? durations.commandCases / 2 : durations.commandCases;
    const raw = await measureRawPostgres(await database(), batch, short);
    const commands = await measureCommands(
      join(dir, 'commands'),
      asOf,
      { ...durations, commandCases: cases },
      {
        EVENT_STORE: 'postgres',
        DATABASE_URL: await database(),
      },
    );
    const rebuild = await measureRebuildOnPostgres(dataset, await database());
    const scaling = await measureApiScaling(join(dir, 'scaling'), await database(), asOf, {
      cases,
      seconds: quick ? 2 : durations.loadSeconds / 4,
      warmupSeconds: quick ? 1 : durations.loadWarmupSeconds,
    });
    return {
      figures: {
        pgRawInsertPerSec: perSecond(raw.one),
        pgAppendPerSec: append.perSec,
        pgRawBatchedPerSec: perSecond(raw.batched),
        pgCommandsPerSec: commands.figures.commandsPerSec,
        pgRebuildEventsPerSec: rebuild.perSec,
        pgApiVisitsRps: scaling.one.rps,
        pgTwoApisVisitsRps: scaling.two.rps,
      },
      notes: {
        pgAppendsPerCommit: append.appendsPerCommit,
        pgRawBatchSize: batch,
        pgRebuildEvents: rebuild.events,
        pgApiVisitsP99Ms: scaling.one.p99Ms,
        pgTwoApisVisitsP99Ms: scaling.two.p99Ms,
        pgApiVisitsFailed: failures(scaling.one) + failures(scaling.two),
      },
    };
  } finally {
    await Promise.all(databases.map((db) => db.drop().catch(() => undefined)));
  }
}

const failures = (r: { non2xx: number; errors: number; graphqlErrors: number }) =>
  r.non2xx + r.errors + r.graphqlErrors;

/**
 * The seeded log copied into PostgreSQL (events:copy), then `rebuildReadModels` from it into
 * PostgreSQL read models: once untimed (the JIT, the server's caches), once timed.
 */
async function measureRebuildOnPostgres(
  dataset: Dataset,
  url: string,
): Promise<{ perSec: number; events: number }> {
  const source = new SqliteEventStore({ filename: join(dataset.dir, 'events.sqlite') });
  const events = await PostgresEventStore.open({ connectionString: url });
  const models = await PostgresReadModelStore.open({ connectionString: url });
  try {
    await copyEvents(source, events, { batchSize: 5000 });
    let last = { perSec: 0, events: 0 };
    for (const run of ['warm-up', 'timed']) {
      const started = performance.now();
      const result = await rebuildReadModels(events, models, { policy: DEFAULT_POLICY });
      if (result.failure) throw new Error(`the rebuild stopped at ${result.failure.position}`);
      last = {
        perSec: perSecond({ ops: result.events, ms: performance.now() - started }),
        events: result.events,
      };
      progress('postgres', `rebuild (${run}): ${Math.round(last.perSec)} events/s`);
    }
    return last;
  } finally {
    await Promise.all([source.close(), events.close(), models.close()]);
  }
}

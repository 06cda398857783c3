import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { businessDateOf, isValidDate, MESSAGES } from '@app/domain';
import { describeHolder } from '@app/read-models';
import { createApp } from '../apps/api/src/bootstrap';
import { Projections } from '@app/runtime/projections/projections';
import { loadConfig } from '@app/runtime/config/app-config';
import { PRESETS } from './seed/regions';
import { planRegion } from './seed/seed-plan';
import { runSeed } from './seed/seed-runner';

const usage = `usage: npm run demo:seed -- --preset zibo|province [--seed N] [--as-of YYYY-MM-DD] [--children N] [--concurrency N]
Fills the configured (empty) store with a realistic, fictional region through the real command path.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'zibo' },
      seed: { type: 'string', default: '2026' },
      'as-of': { type: 'string' },
      children: { type: 'string' },
      concurrency: { type: 'string', default: '32' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(usage);
  const preset = PRESETS[values.preset];
  const today = businessDateOf(new Date().toISOString());
  const asOf = values['as-of'] ?? today;
  if (!preset || !isValidDate(asOf)) throw new Error(`unknown preset or bad --as-of\n${usage}`);
  // the seed records facts up to that day: none may lie in the future (China time)
  if (asOf > today) throw new Error(`--as-of ${MESSAGES.notInFuture}\n${usage}`);
  const config = loadConfig();
  const plan = planRegion(preset, {
    policy: config.policy.case,
    seed: Number(values.seed),
    asOf,
    children: values.children ? Number(values.children) : undefined,
  });

  const app = await createApp({ ...config, logLevel: 'warn' });
  await app.init();
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    if ((await store.headPosition()) !== null)
      throw new Error('the store already holds events: seed an empty DATA_DIR');
    console.error(`Seeding ${preset.name}: ${plan.children.length} children as of ${asOf}`);
    const projections = app.get(Projections);
    const projectedBy = projections.mode === 'in-process' ? null : await projections.leader();
    if (projectedBy !== null)
      console.error(
        `The read models are projected by ${describeHolder(projectedBy)}: it projects what this seeds.`,
      );
    const bar = new SingleBar({
      format: ' {bar} {percentage}% | {value}/{total} children | {duration}s',
      stream: process.stderr,
    });
    bar.start(plan.children.length, 0);
    const started = Date.now();
    const report = await runSeed(app, plan, {
      concurrency: Number(values.concurrency),
      asOf,
      onChild: () => bar.increment(),
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      JSON.stringify({
        preset: values.preset,
        ...report,
        headPosition: await store.headPosition(),
        seconds: Math.round(seconds * 10) / 10,
      }),
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo:seed: ${(error as Error).message}`);
  process.exit(1);
});

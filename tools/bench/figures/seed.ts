import { DEFAULT_POLICY } from '@app/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SingleBar } from 'cli-progress';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CaseCommandService } from '../../../apps/api/src/cases/case-command.service';
import { PRESETS } from '../../seed/regions';
import { planRegion } from '../../seed/seed-plan';
import { runSeed } from '../../seed/seed-runner';
import { startInProcessApp } from '../support/bench-app';
import { progress } from '../support/progress';
import type { Measured } from './measured';

export const LONG_STREAM_EVENTS = 1000;

export interface Dataset {
  dir: string;
  preset: string;
  /** a case whose stream holds LONG_STREAM_EVENTS events (for caseAsOf) */
  longCaseId: string;
  asOf: string;
}

/**
 * The read figures' data: the preset seeded exactly as `npm run demo:seed -- --preset X` does
 * (runSeed, 32 at a time, through the real command path), timed; then one more child of the
 * same plan gets a stream of 1,000 events (identified, then 999 visits).
 */
export async function seedDataset(
  dir: string,
  preset: string,
  asOf: string,
): Promise<{ dataset: Dataset; measured: Measured }> {
  const region = PRESETS[preset];
  if (!region) throw new Error(`unknown preset ${preset}`);
  const plan = planRegion(region, {
    policy: DEFAULT_POLICY,
    seed: 2026,
    asOf,
    children: region.children + 1,
  });
  const longChild = plan.children.pop()!;
  const app = await startInProcessApp(dir);
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    progress('seed', `${region.name}: ${plan.children.length} children as of ${asOf}`);
    const bar = new SingleBar({
      format: ' {bar} {percentage}% | {value}/{total} children | {duration}s',
      stream: process.stderr,
    });
    bar.start(plan.children.length, 0);
    const started = performance.now();
    const report = await runSeed(app, plan, {
      concurrency: 32,
      asOf,
      onChild: () => bar.increment(),
    });
    const seedSeconds = (performance.now() - started) / 1000;
    bar.stop();
    const seedEvents = Number((await store.headPosition()) ?? 0);
    const refused = Object.values(report.refused).reduce((a, b) => a + b, 0);
    progress(
      'seed',
      `${seedEvents} events, ${report.commands} commands in ${seedSeconds.toFixed(1)} s`,
    );
    const longCaseId = await writeLongStream(app, longChild, asOf);
    return {
      dataset: { dir, preset, longCaseId, asOf },
      measured: {
        figures: { seedEvents, seedSeconds },
        notes: {
          seedPreset: preset,
          seedChildren: report.children,
          seedCommands: report.commands,
          seedRefused: refused,
          seedCommandsPerSec: Math.round(report.commands / seedSeconds),
        },
      },
    };
  } finally {
    await app.close();
  }
}

async function writeLongStream(
  app: NestFastifyApplication,
  child: ReturnType<typeof planRegion>['children'][number],
  asOf: string,
): Promise<string> {
  const cases = app.get(CaseCommandService);
  const ctx = { principal: child.identify.actor, correlationId: 'bench-long-stream' };
  const identified = await cases.identify(child.identify.data, ctx);
  let revision = identified.revision;
  const visitedAt = `${asOf}T14:00:00+08:00`;
  while (revision < LONG_STREAM_EVENTS - 1) {
    const result = await cases.execute(
      { type: 'RecordVisit', caseId: identified.caseId, data: { visitedAt, notes: null } },
      ctx,
    );
    revision = result.revision;
  }
  progress('seed', `case ${identified.caseId} has a stream of ${revision + 1} events`);
  return identified.caseId;
}

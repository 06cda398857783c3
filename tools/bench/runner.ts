import { addDays, businessDateOf } from '@app/domain';
import { measureAppend } from './figures/append';
import { measureCommands } from './figures/commands';
import { measureHttp } from './figures/http';
import type { Durations, Measured } from './figures/measured';
import { measureRawRead } from './figures/raw-read';
import { measurePostgres } from './figures/postgres';
import { measureRawSqliteBatched } from './figures/raw-sqlite-batched';
import { measureRawSqliteFsync } from './figures/raw-sqlite-fsync';
import { measureRebuild } from './figures/rebuild';
import { measureRolls } from './figures/rolls';
import { measureRosterImport } from './figures/roster';
import { measureSealing } from './figures/sealing';
import { seedDataset, type Dataset } from './figures/seed';
import type { FigureKey } from './report/catalogue';
import type { Missing } from './report/format';
import type { Figures } from './report/goals';
import { progress } from './support/progress';
import type { TempDir } from './support/temp-dir';

export const PHASES = [
  'raw',
  'append',
  'emmett',
  'commands',
  'sealing',
  'seed',
  'read',
  'rebuild',
  'rolls',
  'postgres',
  'http',
  'roster',
] as const;
export type Phase = (typeof PHASES)[number];

/** The figures each phase yields: marked missing, with the reason, when the phase fails. */
const YIELDS: Record<Phase, FigureKey[]> = {
  raw: ['rawSqliteFsyncPerSec'],
  append: ['appendPerSec', 'rawSqliteBatchedPerSec'],
  emmett: ['emmettSqlitePerSec'],
  commands: ['commandsPerSec'],
  sealing: [
    'sealedIdentifyPerSec',
    'plainIdentifyPerSec',
    'sealedVisitsPerSec',
    'plainVisitsPerSec',
    'sealedCaseMs',
    'plainCaseMs',
    'sealedStreamReadMs',
    'plainStreamReadMs',
  ],
  seed: ['seedEvents', 'seedSeconds'],
  read: ['rawReadEventsPerSec'],
  rebuild: ['rebuildEventsPerSec', 'rebuildSeconds'],
  rolls: ['rollCityMs', 'forecastCityMs', 'rollRawReadMs'],
  postgres: [
    'pgRawInsertPerSec',
    'pgAppendPerSec',
    'pgRawBatchedPerSec',
    'pgCommandsPerSec',
    'pgRebuildEventsPerSec',
    'pgApiVisitsRps',
    'pgTwoApisVisitsRps',
  ],
  http: [
    'caseAsOfMs',
    'fairCaseP99Ms',
    'fairHeavyRps',
    'graphqlCaseRps',
    'graphqlCaseP99Ms',
    'serverPeakRssMb',
    'nestMercuriusRps',
    'nestMercuriusP99Ms',
    'bareMercuriusRps',
    'bareMercuriusP99Ms',
  ],
  roster: [
    'rosterImportRowsPerSec',
    'rosterRawRowsPerSec',
    'rosterServerPeakRssMb',
    'rosterSmallServerPeakRssMb',
  ],
};

export interface RunSettings {
  quick: boolean;
  preset: string;
  phases: readonly Phase[];
  durations: Durations;
  rawReadMinMs: number;
  rebuildRuns: number;
  /** untimed rebuilds before the timed ones */
  rebuildWarmupRuns: number;
  /** where the servers write CPU profiles, when asked */
  serverProfileDir?: string;
}

export interface RunOutcome {
  figures: Figures;
  missing: Missing;
  notes: Record<string, string | number>;
}

/** A business date every planned history fits before (the plans date events up to it). */
function benchAsOf(): string {
  const yesterday = addDays(businessDateOf(new Date().toISOString()), -1);
  return yesterday < '2026-06-01' ? yesterday : '2026-06-01';
}

/** Runs the phases in order, one after another, each on its own files under `temp`. */
export async function runBench(settings: RunSettings, temp: TempDir): Promise<RunOutcome> {
  const outcome: RunOutcome = { figures: {}, missing: {}, notes: {} };
  const asOf = benchAsOf();
  let dataset: Dataset | undefined;
  const wanted = (phase: Phase) => settings.phases.includes(phase);

  const run = async (phase: Phase, measure: () => Measured | Promise<Measured>) => {
    if (!wanted(phase)) return;
    progress(phase, 'start');
    try {
      const m = await measure();
      Object.assign(outcome.figures, m.figures);
      Object.assign(outcome.missing, m.missing ?? {});
      Object.assign(outcome.notes, m.notes ?? {});
      const shown = Object.entries(m.figures)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 100) / 100 : 'missing'}`)
        .join(', ');
      progress(phase, `done: ${shown}`);
    } catch (error) {
      const why = (error as Error).message.split('\n')[0];
      progress(phase, `FAILED: ${(error as Error).stack ?? why}`);
      for (const key of YIELDS[phase]) {
        if (outcome.figures[key] === undefined) {
          outcome.figures[key] = null;
          outcome.missing[key] = `the ${phase} phase failed: ${why}`;
        }
      }
    }
  };
  const needsData = (phase: Phase, measure: (d: Dataset) => Measured | Promise<Measured>) =>
    run(phase, () => {
      if (!dataset) throw new Error('no seeded data set (the seed phase did not run or failed)');
      return measure(dataset);
    });

  const d = settings.durations;
  await run('raw', () => measureRawSqliteFsync(temp.sub('raw'), d));
  await run('append', async () => {
    const append = await measureAppend(temp.sub('append'), d);
    // the raw ceiling in the appends' own batch size, on the same disk and settings
    const batch = Math.max(1, Math.round(append.appendsPerCommit));
    const raw = measureRawSqliteBatched(temp.sub('raw-batched'), batch, d);
    return {
      figures: { appendPerSec: append.perSec, ...raw.figures },
      notes: {
        appendEvents: append.events,
        appendCommits: append.commits,
        appendsPerCommit: append.appendsPerCommit,
        ...raw.notes,
      },
    };
  });
  await run('emmett', async () => {
    // loaded here: `npm ci` does not build sqlite3's native binding (see loadEmmettFigure)
    const { loadEmmettFigure } = await import('./figures/emmett-loader');
    return (await loadEmmettFigure())(temp.sub('emmett'), d);
  });
  await run('commands', () => measureCommands(temp.sub('commands'), asOf, d));
  await run('sealing', () => measureSealing((name) => temp.sub(`sealing-${name}`), asOf, d));
  await run('seed', async () => {
    const seeded = await seedDataset(temp.sub('dataset'), settings.preset, asOf);
    dataset = seeded.dataset;
    return seeded.measured;
  });
  await needsData('read', (ds) => measureRawRead(ds.dir, settings.rawReadMinMs));
  await needsData('rebuild', (ds) =>
    measureRebuild(ds.dir, settings.rebuildRuns, settings.rebuildWarmupRuns),
  );
  await needsData('rolls', (ds) =>
    measureRolls(ds.dir, ds.preset, ds.asOf, settings.quick ? 9 : 15),
  );
  await needsData('postgres', (ds) =>
    measurePostgres(temp.sub('postgres'), ds, asOf, d, settings.quick),
  );
  await needsData('http', (ds) =>
    measureHttp(
      ds,
      d,
      settings.quick,
      settings.serverProfileDir
        ? ['--cpu-prof', `--cpu-prof-dir=${settings.serverProfileDir}`]
        : [],
    ),
  );
  // last: the import adds signals and candidates to the seeded store
  await needsData('roster', (ds) =>
    measureRosterImport(
      ds,
      settings.quick,
      settings.serverProfileDir
        ? ['--cpu-prof', `--cpu-prof-dir=${settings.serverProfileDir}`]
        : [],
    ),
  );
  return outcome;
}

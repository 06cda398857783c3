import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderBenchmarksMd } from './report/benchmarks-md';
import { jsonLine, renderTable, type BenchReport } from './report/format';
import { checkCeilings } from './report/ceilings';
import { checkGoals } from './report/goals';
import { PHASES, runBench, type Phase, type RunSettings } from './runner';
import { repoRoot } from './support/child-server';
import { describeMachine, loadAverage } from './support/machine';
import { progress } from './support/progress';
import { TempDir } from './support/temp-dir';

const usage = `usage: npm run bench [-- --quick] [--preset zibo|province] [--only ${PHASES.join(',')}] [--out FILE | --no-report] [--server-prof DIR]
Prints a table and, as the last line, one JSON object with every figure; writes BENCHMARKS.md.
--quick: short phases on the zibo preset (under 2 minutes); the full run seeds the province preset.`;

function settingsFrom(argv: string[]): { settings: RunSettings; out: string | null } {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      preset: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      'server-prof': { type: 'string' },
      'no-report': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const phases = values.only ? values.only.split(',').map((p) => p.trim()) : [...PHASES];
  const unknown = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown phase ${unknown.join(', ')}\n${usage}`);
  const quick = values.quick;
  return {
    settings: {
      quick,
      preset: values.preset ?? (quick ? 'zibo' : 'province'),
      phases: phases as Phase[],
      durations: quick
        ? {
            measureMs: 3000,
            warmupMs: 1000,
            commandCases: 1000,
            // six windows per server: the host's noise between 2 s windows is ±10%
            loadSeconds: 12,
            loadWindowSeconds: 2,
            loadWarmupSeconds: 2,
          }
        : {
            measureMs: 10_000,
            warmupMs: 2000,
            commandCases: 4000,
            loadSeconds: 16,
            loadWindowSeconds: 2,
            loadWarmupSeconds: 3,
          },
      rawReadMinMs: quick ? 1500 : 3000,
      rebuildRuns: quick ? 3 : 1,
      rebuildWarmupRuns: quick ? 2 : 0,
      serverProfileDir: values['server-prof'] ? resolve(values['server-prof']) : undefined,
    },
    out: values['no-report'] ? null : (values.out ?? join(repoRoot(), 'BENCHMARKS.md')),
  };
}

async function main(): Promise<void> {
  const { settings, out } = settingsFrom(process.argv.slice(2));
  const temp = new TempDir();
  const removeAndExit = () => process.exit(130);
  // also when a library ends the process early (Nest exits on some errors)
  process.once('exit', () => temp.remove());
  process.once('SIGINT', removeAndExit);
  process.once('SIGTERM', removeAndExit);
  const started = performance.now();
  const machine = describeMachine(temp.root);
  progress(
    'bench',
    `${settings.quick ? 'quick' : 'full'} run in ${temp.root}; load average ${machine.loadAverage}`,
  );
  try {
    const outcome = await runBench(settings, temp);
    const report: BenchReport = {
      mode: settings.quick ? 'quick' : 'full',
      dataset: settings.preset,
      figures: outcome.figures,
      missing: outcome.missing,
      goals: checkGoals(outcome.figures),
      ceilings: checkCeilings(outcome.figures),
    };
    const seconds = (performance.now() - started) / 1000;
    if (out) {
      writeFileSync(
        out,
        renderBenchmarksMd(report, {
          machine,
          durations: settings.durations,
          generatedAt: new Date().toISOString(),
          seconds,
          loadAverageAtEnd: loadAverage(),
          notes: outcome.notes,
        }),
      );
      progress('bench', `wrote ${out}`);
    }
    progress('bench', `finished in ${seconds.toFixed(0)} s`);
    process.stdout.write(renderTable(report) + '\n\n' + jsonLine(report) + '\n');
  } finally {
    temp.remove();
  }
}

// Exit once stdout is flushed: keep-alive sockets and library timers must not hold the process.
main().then(
  () => process.stdout.write('', () => process.exit(0)),
  (error: unknown) => {
    console.error(`bench: ${(error as Error).message}`);
    process.exit(1);
  },
);

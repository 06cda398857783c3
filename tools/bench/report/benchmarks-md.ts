import type { Machine } from '../support/machine';
import type { Durations } from '../figures/measured';
import { CATALOGUE, FIGURE_KEYS } from './catalogue';
import { ceilingRow, formatRatio, formatValue, goalVerdict, type BenchReport } from './format';
import { PROFILES } from './profiles';

export interface RunInfo {
  machine: Machine;
  durations: Durations;
  generatedAt: string;
  seconds: number;
  loadAverageAtEnd: string;
  notes: Record<string, string | number>;
}

const METHOD = `## How each figure is measured

Every figure comes from the same run, on the same machine, each in a fresh SQLite file under one
temporary directory (removed at the end). The write figures use one event (\`VisitRecorded\` with
the metadata the command path writes, ~460 bytes of JSON), 32 concurrent callers over 1,000
streams, each caller owning its streams so every append names the exact expected revision.

- **rawSqliteFsyncPerSec**: better-sqlite3 on the event store's own schema and pragmas, one
  \`INSERT\` per transaction in a loop: one fsync per event.
- **rawSqliteBatchedPerSec**: the same INSERTs and pragmas, as many per transaction as the
  appends' group commit put in one during appendPerSec (appendsPerCommit, in the notes): one
  fsync per batch, the limit of appends on this disk whatever its flush latency.
- **appendPerSec**: \`SqliteEventStore.appendToStream\`, one event per call, 32 callers.
- **emmettSqlitePerSec**: \`getSQLiteEventStore(...).appendToStream\` of
  @event-driven-io/emmett-sqlite 0.38.5, the same events and callers. Its appends cannot overlap
  (one connection shared through a nesting counter and closed after every call, no busy timeout:
  concurrent calls fail with SQLITE_BUSY, "Database handle is closed" and "cannot rollback"), so
  the 32 callers queue on a mutex. Its durability is whatever its connection gets: it sets
  \`journal_mode = WAL\` and leaves \`synchronous\` at the driver's default, read back below.
- **commandsPerSec**: the whole app in process (\`createApp\` + \`init\`, no HTTP, with
  \`PROJECTIONS=external\` so no projector shares the thread: the command path alone),
  \`CommandBus.execute(ExecuteCaseCommand(RecordVisit))\` on freshly identified cases (1,000 quick,
  4,000 full), 32 callers each owning its cases: handler -> CaseCommandService -> load, decide,
  append. After 5 visits per case as a warm-up, the clock runs over exactly 10 more per case (the
  streams hold 6 to 16 events; the seeded presets average about 15). The warm-up leaves every
  case's fold in the command path's cache (20,000 streams), so the clock measures commands on
  streams this process wrote last; a command on a stream without a fold (after a restart, or once
  evicted) reads it in full first.
- **sealed* / plain* (issue 23)**: the cost of sealing personal information, the same work twice
  on fresh embedded stores, once with sealing on (the default) and once off (the bench's own
  \`personalDataSealing: false\`; no variable sets it): identifyChild of half the command cases
  (at least 200; name, ID number, guardian and a source detail sealed, a data key made per case),
  then 5 recordVisit with notes per case, 32 callers through the CommandBus; then, once the
  projections caught up, \`case(id)\` over GraphQL through Fastify's \`inject\` one request at a
  time over every case (mean of the second round), and every case's stream read through the
  event store and folded (mean of the second round).
- **seedEvents / seedSeconds**: the preset seeded as \`npm run demo:seed -- --preset X\` does it
  (\`runSeed\`, 32 children at a time, through the command path), then one more child of the plan
  gets a stream of 1,000 events for caseAsOf.
- **rawReadEventsPerSec**: every row of that log in position order with better-sqlite3, with
  \`JSON.parse\` of data and metadata.
- **rebuildEventsPerSec / rebuildSeconds**: what \`npm run projections:rebuild\` runs
  (\`rebuildReadModels\` over the configured stores), in process, over the same log.
- **graphqlCaseRps / graphqlCaseP99Ms**: \`dist/apps/api/src/main.js\` in its own process on the
  seeded store (NODE_ENV=production, LOG_LEVEL=info, stdout discarded), \`case(id)\` over 1,000
  case ids with a civil-affairs JWT; autocannon (as a library, in the bench process) with 16
  connections after a warm-up, loopback only. The three servers run at once and take the load
  in turns: 2-second windows, the order rotating every round, each server's figure from all its
  windows (requests over their summed time; p99 of its worst window). One after another, each
  server met its own stretch of this shared host, whose speed drifts by a fifth within a minute;
  side by side they meet the same mix. That removes the drift between the servers, not the
  host's noise: with the same code, the ratio to the bare server still moved between 0.39 and
  0.59 over quick runs, mostly with the bare server (15-23 thousand req/s; ours 8.7-10).
- **nestMercuriusRps / nestMercuriusP99Ms**: \`tools/bench/servers/nest-mercurius-server.ts\` in its
  own process: Nest with the Fastify adapter, @nestjs/graphql code first and the Mercurius driver
  with \`jit: 1\`, the same query shape with \`programmes\` as a field resolver, answering the same
  constant; no reads, auth, hooks or logging. The same load, in the same rotation.
- **bareMercuriusRps / bareMercuriusP99Ms**: Fastify + Mercurius with \`jit: 1\` in its own process
  answering the same query with the same document (one real answer of the server, held as a
  constant), the same load, in the same rotation.
- **caseAsOfMs**: \`caseAsOf(caseId, at: now)\` of the 1,000-event case, one request at a time on
  the idle server, median after a warm-up.
- **fairCaseP99Ms / fairHeavyRps**: after the load above, on the same server: 50 connections of one
  civil-affairs token ask, in turn, the payment roll of the whole preset for a month (a new month
  each time among the last 24, so most rolls are computed, not paged from memory) and a page of
  200 cases with their programmes, while 2 connections of another principal ask \`case(id)\`;
  fairCaseP99Ms is their p99 (issue 20's ceiling: 250 ms).
- **serverPeakRssMb**: the server's VmHWM (/proc) after boot, caseAsOf and the load.
- **The pg figures** (PostgreSQL on \`DATABASE_URL\`'s server, each on a database created for it and
  dropped after; missing without \`DATABASE_URL\`): **pgAppendPerSec** is
  \`PostgresEventStore.appendToStream\` with the same events and callers as appendPerSec;
  **pgRawInsertPerSec** one-row INSERTs into the same table and indexes on one connection, each
  committed alone (\`synchronous_commit = on\`, as the store sets it); **pgRawBatchedPerSec** the same
  rows as one INSERT per batch of the appends' own size (pgAppendsPerCommit); **pgCommandsPerSec**
  commandsPerSec with \`EVENT_STORE=postgres\`; **pgRebuildEventsPerSec** the seeded log copied into
  PostgreSQL (events:copy), then rebuilt into PostgreSQL read models (one untimed run, one timed);
  **pgApiVisitsRps / pgTwoApisVisitsRps** \`recordVisit\` over HTTP (autocannon) against real api
  processes sharing one event store (\`PROJECTIONS=external\`), each api visiting the half of the
  cases it identified: 32 connections on one, then 16 on each of two, after a warm-up of both.
  The quick run halves the raw ceilings' time and the cases (500) and loads for 2 s a layout.
`;

export function renderBenchmarksMd(report: BenchReport, run: RunInfo): string {
  const m = run.machine;
  const figureRows = FIGURE_KEYS.filter((k) => k in report.figures || k in report.missing).map(
    (k) =>
      `| \`${k}\` | ${CATALOGUE[k].label} | ${formatValue(k, report.figures[k])} | ${CATALOGUE[k].unit} |`,
  );
  const goalRows = report.goals.map(
    (g) =>
      `| \`${g.numerator}\` / \`${g.denominator}\` | ${formatRatio(g.ratio)} | >= ${g.atLeast}x | ${goalVerdict(g)} |`,
  );
  const bounds = FIGURE_KEYS.filter((k) => CATALOGUE[k].bound !== 'As above.').map(
    (k) => `- **${k}**: ${CATALOGUE[k].bound}`,
  );
  const missing = Object.entries(report.missing).map(([k, why]) => `- **${k}**: ${why}`);
  const notes = Object.entries(run.notes).map(([k, v]) => `| ${k} | ${v} |`);
  const d = run.durations;
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` on ${run.generatedAt} ` +
      `(${report.mode} run, ${Math.round(run.seconds)} s; read figures on the \`${report.dataset}\` preset). ` +
      'Run it again to refresh this file; `npm run bench` without `--quick` seeds the province preset.',
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| SQLite | ${m.sqlite} |`,
    `| data | ${m.tempDir} |`,
    `| load average (1/5/15 min) at start | ${m.loadAverage} |`,
    `| load average at end | ${run.loadAverageAtEnd} |`,
    '',
    'Durability, the same for every write figure: WAL with `synchronous = FULL` (one fsync of the WAL',
    'per commit; `fullfsync` too, which only matters on macOS). The event store sets it in',
    '`sqlite-connection.ts`; the raw figure sets the same pragmas; emmett: see its line in the notes.',
    '',
    '## Figures',
    '',
    '| figure | what | value | unit |',
    '| --- | --- | ---: | --- |',
    ...figureRows,
    '',
    '## Goals',
    '',
    '| goal | ratio | target | verdict |',
    '| --- | ---: | ---: | --- |',
    ...goalRows,
    ...(report.ceilings?.length
      ? [
          '',
          '| ceiling | value | target | verdict |',
          '| --- | ---: | ---: | --- |',
          ...report.ceilings.map((c) => {
            const [figure, ...rest] = ceilingRow(c);
            return `| \`${figure}\` | ${rest.join(' | ')} |`;
          }),
          '',
          'Figures measured while other engineers load the same two cores: they move from run to run.',
        ]
      : []),
    ...(missing.length ? ['', '## Missing figures', '', ...missing] : []),
    '',
    '## What bounds each figure',
    '',
    ...bounds,
    '',
    PROFILES,
    METHOD,
    `Durations of this run: ${d.measureMs / 1000} s per write figure after ${d.warmupMs / 1000} s of warm-up; ` +
      `${d.loadSeconds} s of HTTP load per server after ${d.loadWarmupSeconds} s of warm-up, in ` +
      `${d.loadWindowSeconds} s windows alternating between the three servers.`,
    '',
    '## Notes of this run',
    '',
    '| note | value |',
    '| --- | --- |',
    ...notes,
    '',
    '## Noise',
    '',
    'Two cores serve the load generator, the server and whatever else runs on the machine: other',
    'processes (a test run, a build) show in the load average above and lower every figure, the',
    'HTTP ones most. Compare ratios from one run rather than figures across runs, and rerun on a',
    'quiet machine before reading much into a few percent. To see where the time goes, profile one',
    'phase: `node --cpu-prof dist/tools/bench/main.js --quick --only append` (phases: raw, append,',
    'emmett, commands, seed, read, rebuild, postgres, http; read, rebuild, postgres and http need',
    'seed). PostgreSQL is one more process on the same two cores: its figures move with the load',
    'of the machine more than the others.',
    '',
  ].join('\n');
}

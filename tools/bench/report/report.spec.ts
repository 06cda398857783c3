import { jsonLine, renderTable, formatValue, type BenchReport } from './format';
import { checkCeilings } from './ceilings';
import { checkGoals, GOALS } from './goals';
import { renderBenchmarksMd } from './benchmarks-md';

const figures = {
  rawSqliteFsyncPerSec: 5000,
  rawSqliteBatchedPerSec: 30000,
  appendPerSec: 21000,
  emmettSqlitePerSec: 400,
  commandsPerSec: 9000,
  rawReadEventsPerSec: 300000,
  rebuildEventsPerSec: 80000,
  graphqlCaseRps: 4000,
  graphqlCaseP99Ms: 12.345,
  bareMercuriusRps: 20000,
  bareMercuriusP99Ms: 2,
  caseAsOfMs: 7.456,
  serverPeakRssMb: 253.77,
  pgRawInsertPerSec: 1000,
  pgRawBatchedPerSec: 20000,
  pgAppendPerSec: 9000,
  rosterImportRowsPerSec: 60000,
  rosterRawRowsPerSec: 100000,
  rosterServerPeakRssMb: 300,
  rosterSmallServerPeakRssMb: 270,
};

const report = (over: Partial<BenchReport> = {}): BenchReport => ({
  mode: 'quick',
  dataset: 'zibo',
  figures,
  missing: {},
  goals: checkGoals(figures),
  ...over,
});

describe('the goals', () => {
  it('are the ratios of issues 8, 24 and 25 (rows per second, and memory flat in the size of the file)', () => {
    expect(GOALS.map((g) => [g.numerator, g.denominator, g.atLeast])).toEqual([
      ['appendPerSec', 'rawSqliteFsyncPerSec', 4],
      ['appendPerSec', 'rawSqliteBatchedPerSec', 0.5],
      ['appendPerSec', 'emmettSqlitePerSec', 20],
      ['commandsPerSec', 'rawSqliteFsyncPerSec', 2],
      ['rebuildEventsPerSec', 'rawReadEventsPerSec', 0.25],
      ['graphqlCaseRps', 'bareMercuriusRps', 0.4],
      ['pgAppendPerSec', 'pgRawInsertPerSec', 4],
      ['pgAppendPerSec', 'pgRawBatchedPerSec', 0.5],
      ['rosterImportRowsPerSec', 'rosterRawRowsPerSec', 0.5],
      ['rosterSmallServerPeakRssMb', 'rosterServerPeakRssMb', 0.8],
    ]);
  });

  it('are met at the ratio and missed below it', () => {
    const results = checkGoals(figures);
    expect(results.map((g) => [g.id, g.ratio, g.met])).toEqual([
      ['appendVsRawFsync', 4.2, true],
      ['appendVsRawBatched', 0.7, true],
      ['appendVsEmmett', 52.5, true],
      ['commandsVsRawFsync', 1.8, false],
      ['rebuildVsRawRead', 80000 / 300000, true],
      ['graphqlVsBare', 0.2, false],
      ['pgAppendVsRawOne', 9, true],
      ['pgAppendVsRawBatched', 0.45, false],
      ['rosterVsRaw', 0.6, true],
      ['rosterRssFlat', 0.9, true],
    ]);
    const exact = checkGoals({ ...figures, commandsPerSec: 10000 });
    expect(exact.find((g) => g.id === 'commandsVsRawFsync')?.met).toBe(true);
  });

  it('cannot be checked when a figure is missing or the denominator is zero', () => {
    const results = checkGoals({ ...figures, emmettSqlitePerSec: null, bareMercuriusRps: 0 });
    expect(results.find((g) => g.id === 'appendVsEmmett')).toMatchObject({
      ratio: null,
      met: null,
    });
    expect(results.find((g) => g.id === 'graphqlVsBare')).toMatchObject({ ratio: null, met: null });
    expect(results.find((g) => g.id === 'appendVsRawFsync')?.met).toBe(true);
  });
});

describe('the output', () => {
  it('ends with one JSON line holding every figure, rounded, and each goal', () => {
    const output = renderTable(report()) + '\n\n' + jsonLine(report());
    const last = JSON.parse(output.trim().split('\n').pop()!);
    expect(last).toMatchObject({
      mode: 'quick',
      dataset: 'zibo',
      appendPerSec: 21000,
      graphqlCaseP99Ms: 12.35,
      caseAsOfMs: 7.46,
      serverPeakRssMb: 253.8,
      allGoalsMet: false,
    });
    expect(last.goals.commandsVsRawFsync).toEqual({ ratio: 1.8, atLeast: 2, met: false });
    expect(last.goals.rebuildVsRawRead).toEqual({ ratio: 0.27, atLeast: 0.25, met: true });
  });

  it('shows a missing figure as null in the JSON and says why in the table', () => {
    const r = report({
      figures: { ...figures, caseAsOfMs: null },
      missing: { caseAsOfMs: 'caseAsOf is not in the schema' },
    });
    expect(JSON.parse(jsonLine(r))).toMatchObject({
      caseAsOfMs: null,
      missing: { caseAsOfMs: 'caseAsOf is not in the schema' },
    });
    expect(renderTable(r)).toMatch(/caseAsOfMs: missing \(caseAsOf is not in the schema\)/);
  });

  it('prints rates as grouped integers and latencies with two decimals', () => {
    expect(formatValue('appendPerSec', 21345.6)).toBe('21,346');
    expect(formatValue('graphqlCaseP99Ms', 12)).toBe('12.00');
    expect(formatValue('seedSeconds', 183.26)).toBe('183.3');
    expect(formatValue('appendPerSec', null)).toBe('missing');
  });

  it('aligns the table and gives every goal a verdict', () => {
    const lines = renderTable(report()).split('\n');
    expect(lines.some((l) => /^appendPerSec\s.*21,000\s+events\/s$/.test(l))).toBe(true);
    expect(lines.filter((l) => /\b(met|MISSED)$/.test(l))).toHaveLength(GOALS.length);
  });

  it('writes BENCHMARKS.md with the machine, the figures, the goals and what bounds them', () => {
    const md = renderBenchmarksMd(report(), {
      machine: {
        cpu: 'Test CPU',
        cores: 2,
        memoryGiB: 24,
        os: 'Linux',
        node: 'v20',
        sqlite: '3.50',
        tempDir: '/tmp (ext4 on /dev/vda)',
        loadAverage: '0.10 / 0.20 / 0.30',
      },
      durations: {
        measureMs: 3000,
        warmupMs: 1000,
        commandCases: 1000,
        loadSeconds: 5,
        loadWindowSeconds: 1,
        loadWarmupSeconds: 2,
      },
      generatedAt: '2026-01-01T00:00:00.000Z',
      seconds: 95,
      loadAverageAtEnd: '1.00 / 1.00 / 1.00',
      notes: { appendsPerCommit: 31.9 },
    });
    expect(md).toContain('| CPU | Test CPU, 2 cores |');
    expect(md).toContain(
      '| `appendPerSec` | EventStore.appendToStream (32 callers, 1,000 streams) | 21,000 | events/s |',
    );
    expect(md).toContain('| `commandsPerSec` / `rawSqliteFsyncPerSec` | 1.80x | >= 2x | MISSED |');
    expect(md).toMatch(/- \*\*rawSqliteFsyncPerSec\*\*: One fsync of the WAL per event/);
    expect(md).toContain('| appendsPerCommit | 31.9 |');
  });
});

describe('the ceilings', () => {
  it("hold case(id)'s p99 beside heavy reads to 250 ms", () => {
    expect(checkCeilings({ fairCaseP99Ms: 250 })).toEqual([
      { id: 'fairCaseP99', figure: 'fairCaseP99Ms', atMost: 250, value: 250, met: true },
    ]);
    expect(checkCeilings({ fairCaseP99Ms: 251 })[0].met).toBe(false);
    expect(checkCeilings({ fairCaseP99Ms: null })[0]).toMatchObject({ value: null, met: null });
  });

  it('are printed next to their target and count in allGoalsMet', () => {
    const r = report({
      figures: { ...figures, fairCaseP99Ms: 400 },
      ceilings: checkCeilings({ fairCaseP99Ms: 400 }),
    });
    expect(renderTable(r)).toMatch(/fairCaseP99Ms\s+400\.00 ms\s+<= 250 ms\s+MISSED/);
    const json = JSON.parse(jsonLine(r)) as { ceilings: unknown; allGoalsMet: boolean };
    expect(json.ceilings).toEqual({ fairCaseP99: { value: 400, atMost: 250, met: false } });
    expect(json.allGoalsMet).toBe(false);
  });
});

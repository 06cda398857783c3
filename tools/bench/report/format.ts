import { CATALOGUE, FIGURE_KEYS, type FigureKey } from './catalogue';
import type { CeilingResult } from './ceilings';
import type { Figures, GoalResult } from './goals';

export type Missing = Partial<Record<FigureKey, string>>;

export interface BenchReport {
  mode: 'quick' | 'full';
  /** the seeded preset the read figures ran on */
  dataset: string;
  figures: Figures;
  missing: Missing;
  goals: GoalResult[];
  /** figures that must stay at or below a bound (absent in reports of older runs) */
  ceilings?: CeilingResult[];
}

export const ceilingVerdict = (c: CeilingResult): string =>
  c.met === null ? 'NOT CHECKED' : c.met ? 'met' : 'MISSED';

/** A ceiling as the tables show it: figure, value, target, verdict. */
export const ceilingRow = (c: CeilingResult): string[] => [
  c.figure,
  `${formatValue(c.figure, c.value)} ${CATALOGUE[c.figure].unit}`,
  `<= ${c.atMost} ${CATALOGUE[c.figure].unit}`,
  ceilingVerdict(c),
];

/** Rates and counts as integers, latencies with two decimals, sizes and times with one. */
export function roundFigure(key: FigureKey, value: number): number {
  const unit = CATALOGUE[key].unit;
  if (unit === 'ms') return Math.round(value * 100) / 100;
  if (unit === 's' || unit === 'MiB') return Math.round(value * 10) / 10;
  return Math.round(value);
}

export function formatValue(key: FigureKey, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'missing';
  const rounded = roundFigure(key, value);
  const unit = CATALOGUE[key].unit;
  const digits = unit === 'ms' ? 2 : unit === 's' || unit === 'MiB' ? 1 : 0;
  return rounded.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export const formatRatio = (ratio: number | null): string =>
  ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`;

export const goalVerdict = (goal: GoalResult): string =>
  goal.met === null ? 'NOT CHECKED' : goal.met ? 'met' : 'MISSED';

function table(header: string[], rows: string[][], rightAligned: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** The figures table and the goals table, as printed to stdout. */
export function renderTable(report: BenchReport): string {
  const figureRows = FIGURE_KEYS.filter(
    (key) => key in report.figures || key in report.missing,
  ).map((key) => [
    key,
    CATALOGUE[key].label,
    formatValue(key, report.figures[key]),
    CATALOGUE[key].unit,
  ]);
  const goalRows = report.goals.map((g) => [
    `${g.numerator} / ${g.denominator}`,
    formatRatio(g.ratio),
    `>= ${g.atLeast}x`,
    goalVerdict(g),
  ]);
  const missing = Object.entries(report.missing).map(([key, why]) => `  ${key}: missing (${why})`);
  const ceilings = (report.ceilings ?? []).map(ceilingRow);
  return [
    `Benchmarks (${report.mode}, read figures on the ${report.dataset} preset)`,
    '',
    ...table(['figure', 'what', 'value', 'unit'], figureRows, [false, false, true, false]),
    '',
    ...table(['goal', 'ratio', 'target', 'verdict'], goalRows, [false, true, true, false]),
    ...(ceilings.length
      ? [
          '',
          ...table(['ceiling', 'value', 'target', 'verdict'], ceilings, [false, true, true, false]),
        ]
      : []),
    ...(missing.length ? ['', 'Missing figures:', ...missing] : []),
  ].join('\n');
}

/** The very last line of the output: every figure (null when missing), the goals and why any is missing. */
export function jsonLine(report: BenchReport): string {
  const figures = Object.fromEntries(
    FIGURE_KEYS.filter((key) => key in report.figures || key in report.missing).map((key) => {
      const value = report.figures[key];
      return [
        key,
        typeof value === 'number' && Number.isFinite(value) ? roundFigure(key, value) : null,
      ];
    }),
  );
  const goals = Object.fromEntries(
    report.goals.map((g) => [
      g.id,
      {
        ratio: g.ratio === null ? null : Math.round(g.ratio * 100) / 100,
        atLeast: g.atLeast,
        met: g.met,
      },
    ]),
  );
  return JSON.stringify({
    mode: report.mode,
    dataset: report.dataset,
    ...figures,
    goals,
    ceilings: Object.fromEntries(
      (report.ceilings ?? []).map((c) => [c.id, { value: c.value, atMost: c.atMost, met: c.met }]),
    ),
    allGoalsMet:
      report.goals.every((g) => g.met === true) &&
      (report.ceilings ?? []).every((c) => c.met === true),
    missing: report.missing,
  });
}

import type { FigureKey } from './catalogue';

export type Figures = Partial<Record<FigureKey, number | null>>;

/** A goal (issues 8 and 24): `numerator` at least `atLeast` times `denominator`, measured in one run. */
export interface Goal {
  id: string;
  numerator: FigureKey;
  denominator: FigureKey;
  atLeast: number;
}

export const GOALS: readonly Goal[] = [
  {
    id: 'appendVsRawFsync',
    numerator: 'appendPerSec',
    denominator: 'rawSqliteFsyncPerSec',
    atLeast: 4,
  },
  {
    id: 'appendVsRawBatched',
    numerator: 'appendPerSec',
    denominator: 'rawSqliteBatchedPerSec',
    atLeast: 0.5,
  },
  {
    id: 'appendVsEmmett',
    numerator: 'appendPerSec',
    denominator: 'emmettSqlitePerSec',
    atLeast: 20,
  },
  {
    id: 'commandsVsRawFsync',
    numerator: 'commandsPerSec',
    denominator: 'rawSqliteFsyncPerSec',
    atLeast: 2,
  },
  {
    id: 'rebuildVsRawRead',
    numerator: 'rebuildEventsPerSec',
    denominator: 'rawReadEventsPerSec',
    atLeast: 0.25,
  },
  {
    id: 'graphqlVsBare',
    numerator: 'graphqlCaseRps',
    denominator: 'bareMercuriusRps',
    atLeast: 0.4,
  },
  {
    id: 'pgAppendVsRawOne',
    numerator: 'pgAppendPerSec',
    denominator: 'pgRawInsertPerSec',
    atLeast: 4,
  },
  {
    id: 'pgAppendVsRawBatched',
    numerator: 'pgAppendPerSec',
    denominator: 'pgRawBatchedPerSec',
    atLeast: 0.5,
  },
  {
    id: 'rosterVsRaw',
    numerator: 'rosterImportRowsPerSec',
    denominator: 'rosterRawRowsPerSec',
    atLeast: 0.5,
  },
  {
    // streamed: a roster four times bigger needs no more memory (the small one's peak >= 0.8x)
    id: 'rosterRssFlat',
    numerator: 'rosterSmallServerPeakRssMb',
    denominator: 'rosterServerPeakRssMb',
    atLeast: 0.8,
  },
];

export interface GoalResult extends Goal {
  /** null when either figure is missing (or the denominator is 0) */
  ratio: number | null;
  /** null when it could not be checked */
  met: boolean | null;
}

const usable = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function checkGoals(figures: Figures, goals: readonly Goal[] = GOALS): GoalResult[] {
  return goals.map((goal) => {
    const top = figures[goal.numerator];
    const bottom = figures[goal.denominator];
    if (!usable(top) || !usable(bottom) || bottom <= 0) return { ...goal, ratio: null, met: null };
    const ratio = top / bottom;
    return { ...goal, ratio, met: ratio >= goal.atLeast };
  });
}

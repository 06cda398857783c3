import type { FigureKey } from './catalogue';
import type { Figures } from './goals';

/** A figure that must stay at or below a bound on this machine (issue 20: fair reads). */
export interface Ceiling {
  id: string;
  figure: FigureKey;
  atMost: number;
}

export const CEILINGS: readonly Ceiling[] = [
  { id: 'fairCaseP99', figure: 'fairCaseP99Ms', atMost: 250 },
];

export interface CeilingResult extends Ceiling {
  value: number | null;
  /** null when the figure is missing */
  met: boolean | null;
}

export function checkCeilings(
  figures: Figures,
  ceilings: readonly Ceiling[] = CEILINGS,
): CeilingResult[] {
  return ceilings.map((ceiling) => {
    const value = figures[ceiling.figure];
    if (typeof value !== 'number' || !Number.isFinite(value))
      return { ...ceiling, value: null, met: null };
    return { ...ceiling, value, met: value <= ceiling.atMost };
  });
}

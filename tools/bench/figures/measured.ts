import type { Figures } from '../report/goals';
import type { Missing } from '../report/format';

/** What a figure module hands back: its figures, why any is missing, and notes for BENCHMARKS.md. */
export interface Measured {
  figures: Figures;
  missing?: Missing;
  notes?: Record<string, string | number>;
}

export interface Durations {
  /** each write figure and the command figure */
  measureMs: number;
  warmupMs: number;
  /** each HTTP load */
  loadSeconds: number;
  loadWarmupSeconds: number;
}

import type { Figures } from '../report/goals';
import type { Missing } from '../report/format';

/** What a figure module hands back: its figures, why any is missing, and notes for BENCHMARKS.md. */
export interface Measured {
  figures: Figures;
  missing?: Missing;
  notes?: Record<string, string | number>;
}

export interface Durations {
  /** each write figure */
  measureMs: number;
  warmupMs: number;
  /** cases the command figure visits (a fixed number of commands each) */
  commandCases: number;
  /** each server's HTTP load in all, in windows of `loadWindowSeconds` alternating between servers */
  loadSeconds: number;
  loadWindowSeconds: number;
  loadWarmupSeconds: number;
}

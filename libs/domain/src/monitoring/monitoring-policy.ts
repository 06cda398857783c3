import type { ChildCategory } from '../shared/enums';

/** The departments' rosters the system reads (数据比对): CONTRACT.md "Dynamic monitoring". */
export const ROSTER_KINDS = [
  'MINIMUM_LIVING',
  'MARGINAL_LOW_INCOME',
  'EXTREME_POVERTY',
  'DISABILITY_CERTIFICATE',
  'PARENT_IMPRISONED',
  'PARENT_SEVERELY_DISABLED',
  'SCHOOL_DROPOUT',
] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

export const SIGNAL_KINDS = [
  'CATEGORY_EVIDENCE_FOUND',
  'RISK_EVIDENCE_FOUND',
  'CATEGORY_EVIDENCE_LAPSED',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** What a roster says about a child it lists: a category it implies, or a risk to look at. */
export type RosterMeaning = { category: ChildCategory } | { risk: true };

/**
 * Policy data a bureau may change (docs/monitoring.md): what each roster kind means, and how long
 * an identification candidate nobody acted on is kept before its personal information is erased.
 */
export type MonitoringPolicy = {
  kinds: Readonly<Record<RosterKind, RosterMeaning>>;
  /** "candidates not acted on are erased after a retention period" (default 90 days) */
  candidateRetentionDays: number;
};

export const DEFAULT_MONITORING_POLICY: MonitoringPolicy = {
  kinds: {
    MINIMUM_LIVING: { category: 'MINIMUM_LIVING' },
    MARGINAL_LOW_INCOME: { category: 'MARGINAL_LOW_INCOME' },
    EXTREME_POVERTY: { category: 'EXTREME_POVERTY' },
    DISABILITY_CERTIFICATE: { category: 'DISABLED' },
    PARENT_IMPRISONED: { risk: true },
    PARENT_SEVERELY_DISABLED: { risk: true },
    SCHOOL_DROPOUT: { risk: true },
  },
  candidateRetentionDays: 90,
};

/** The category a roster kind implies, or null for a risk roster. */
export function impliedCategory(kind: RosterKind, policy: MonitoringPolicy): ChildCategory | null {
  const meaning = policy.kinds[kind];
  return 'category' in meaning ? meaning.category : null;
}

/** A candidate last listed on `lastSeenOn` (YYYY-MM-DD) is erased once this day has come. */
export function candidateErasedOn(lastSeenOn: string, policy: MonitoringPolicy): string {
  const day = new Date(`${lastSeenOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + policy.candidateRetentionDays);
  return day.toISOString().slice(0, 10);
}

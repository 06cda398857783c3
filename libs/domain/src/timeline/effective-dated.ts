import type { BusinessDate } from '../shared/types';

/**
 * Effective-dated records: each holds from its `from` date until the next one's. Sorted by date,
 * stream order kept among records of the same date (the later recorded wins that day).
 */
export function byEffectiveDate<T extends { from: BusinessDate }>(records: readonly T[]): T[] {
  return records
    .map((record, seq) => ({ record, seq }))
    .sort((a, b) =>
      a.record.from < b.record.from ? -1 : a.record.from > b.record.from ? 1 : a.seq - b.seq,
    )
    .map((r) => r.record);
}

/** Index of the record in force on `date` (the last with `from` on or before it), -1 if none. */
export function indexOn(sorted: readonly { from: BusinessDate }[], date: BusinessDate): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].from <= date) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The record in force on `date`; before the first one, the first (nothing earlier is known). */
export function recordOn<T extends { from: BusinessDate }>(
  sorted: readonly T[],
  date: BusinessDate,
): T {
  return sorted[Math.max(0, indexOn(sorted, date))];
}

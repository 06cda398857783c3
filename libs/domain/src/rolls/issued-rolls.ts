import { firstDayOfMonth } from '../shared/dates';
import type { YearMonth } from '../shared/types';
import { regionOn, type CaseTimeline } from '../timeline/case-timeline';
import type { IssuedRoll, RollLine } from './payment-roll.events';

/** A line of an issued roll, with the month of that roll. */
export type PaidLine = RollLine & { month: YearMonth };

/** What has been issued (as known at some moment), indexed for the roll engine. */
export class IssuedRolls {
  private readonly byMonth = new Map<YearMonth, IssuedRoll[]>();
  private readonly byCase = new Map<string, Map<YearMonth, PaidLine[]>>();

  constructor(rolls: readonly IssuedRoll[], paid: readonly PaidLine[]) {
    for (const roll of rolls) {
      const list = this.byMonth.get(roll.month);
      if (list) list.push(roll);
      else this.byMonth.set(roll.month, [roll]);
    }
    for (const line of paid) {
      let months = this.byCase.get(line.caseId);
      if (!months) this.byCase.set(line.caseId, (months = new Map()));
      const list = months.get(line.forMonth);
      if (list) list.push(line);
      else months.set(line.forMonth, [line]);
    }
  }

  /** The roll issued for the month whose prefix holds the whole of `prefix`, if any. */
  covering(prefix: string, month: YearMonth): IssuedRoll | undefined {
    return this.byMonth.get(month)?.find((r) => prefix.startsWith(r.regionCode));
  }

  /**
   * Month `month` is settled for the case by an issued roll: something was paid for it, or the
   * case's village on its first day is under a prefix issued for it (a roll that paid it nothing).
   */
  settled(t: CaseTimeline, month: YearMonth): boolean {
    if (this.byCase.get(t.caseId)?.has(month)) return true;
    const rolls = this.byMonth.get(month);
    if (rolls === undefined) return false;
    const village = regionOn(t, firstDayOfMonth(month));
    return rolls.some((r) => village.startsWith(r.regionCode));
  }

  /** Every line issued for the case's `forMonth`, in whichever roll. */
  paid(caseId: string, forMonth: YearMonth): readonly PaidLine[] {
    return this.byCase.get(caseId)?.get(forMonth) ?? [];
  }
}

import { addMonths, firstDayOfMonth } from '../shared/dates';
import { PROGRAMMES, type Programme } from '../shared/enums';
import type { YearMonth } from '../shared/types';
import type { StandardLookup } from '../standards/standard-in-force';
import { regionOn, type CaseTimeline } from '../timeline/case-timeline';
import { owedForMonth, type OwedOptions } from '../timeline/owed';
import type { IssuedRolls } from './issued-rolls';
import type { IssuedRoll, RollLine } from './payment-roll.events';

export type RollInputs = {
  issued: IssuedRolls;
  standards: StandardLookup;
  options?: OwedOptions;
};

/**
 * A case's lines in the roll of (prefix, month), that roll not being issued for it: what it is
 * owed for the month, then for each month before it settled by an issued roll (back to the last
 * one not settled) the difference between what it is owed for that month now and all that was
 * paid for it, as ARREARS (owed more) or CLAWBACK (paid too much), with `forMonth` that month.
 * So an adjustment goes to the case's first roll not yet issued after the month it is for, in
 * the region the case is in then.
 */
export function caseRollLines(
  t: CaseTimeline,
  prefix: string,
  month: YearMonth,
  { issued, standards, options }: RollInputs,
): RollLine[] {
  const regionCode = regionOn(t, firstDayOfMonth(month));
  if (!regionCode.startsWith(prefix) || issued.settled(t, month)) return [];
  const lines: RollLine[] = owedForMonth(t, month, standards, options).map((l) => ({
    caseId: l.caseId,
    regionCode,
    programme: l.programme,
    reason: l.reason,
    forMonth: l.forMonth,
    amountFen: l.amountFen,
  }));
  const adjustments: RollLine[][] = [];
  for (let f = addMonths(month, -1); issued.settled(t, f); f = addMonths(f, -1)) {
    const owed = byProgramme(owedForMonth(t, f, standards, options));
    const paid = byProgramme(issued.paid(t.caseId, f));
    adjustments.unshift(
      PROGRAMMES.flatMap((programme) => {
        const amountFen = (owed.get(programme) ?? 0) - (paid.get(programme) ?? 0);
        if (amountFen === 0) return [];
        const reason = amountFen > 0 ? 'ARREARS' : 'CLAWBACK';
        return [{ caseId: t.caseId, regionCode, programme, reason, forMonth: f, amountFen }];
      }),
    );
  }
  return [...lines, ...adjustments.flat()];
}

function byProgramme(lines: readonly { programme: Programme; amountFen: number }[]) {
  const sums = new Map<Programme, number>();
  for (const l of lines) sums.set(l.programme, (sums.get(l.programme) ?? 0) + l.amountFen);
  return sums;
}

export type RollView = { lines: RollLine[]; issued: IssuedRoll | null };

/**
 * The roll of (prefix, month). Issued (the prefix within one issued for the month): its frozen
 * lines. Otherwise the frozen lines of rolls issued inside the prefix, and for every other case
 * whose village is in the prefix on the month's first day, `caseRollLines`. Lines by case.
 */
export function rollOf(
  prefix: string,
  month: YearMonth,
  cases: readonly CaseTimeline[],
  frozen: readonly RollLine[],
  inputs: RollInputs,
): RollView {
  const covering = inputs.issued.covering(prefix, month);
  if (covering) return { issued: covering, lines: [...frozen] };
  const computed = cases.flatMap((t) => caseRollLines(t, prefix, month, inputs));
  const lines = [...frozen, ...computed];
  lines.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  return { issued: null, lines };
}

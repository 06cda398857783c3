import type { ReferenceMoney, RefOverride } from './reference-money';

/**
 * Issued rolls, arrears and clawbacks in the simplest terms there are, beside ReferenceMoney:
 * every issued line in one list, every question a scan of it, months walked one by one.
 */

export type RefRollLine = {
  caseIndex: number;
  programme: string;
  reason: string;
  forMonth: string;
  fen: number;
  /** the case's village on the first day of the roll's month */
  region: string;
};

const PROGRAMMES = ['BASIC_LIVING_ALLOWANCE', 'TEMPORARY_ASSISTANCE'];
const FIRST = '2023-12';

function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export class ReferenceRolls {
  readonly issued: { prefix: string; month: string }[] = [];
  readonly paid: (RefRollLine & { month: string })[] = [];

  constructor(private readonly money: ReferenceMoney) {}

  /** Paid something for the month, or its village that month is under a prefix issued for it. */
  settled(caseIndex: number, month: string): boolean {
    if (this.paid.some((l) => l.caseIndex === caseIndex && l.forMonth === month)) return true;
    const village = this.money.regionOn(caseIndex, `${month}-01`);
    return this.issued.some((r) => r.month === month && village.startsWith(r.prefix));
  }

  roll(prefix: string, month: string, expectedGraduations = false, overrides: RefOverride[] = []) {
    const frozen = this.paid.filter((l) => l.month === month && l.region.startsWith(prefix));
    if (this.issued.some((r) => r.month === month && prefix.startsWith(r.prefix)))
      return { issued: true, lines: frozen.map(({ month: _, ...line }) => line) };
    const lines: RefRollLine[] = frozen.map(({ month: _, ...line }) => line);
    this.money.cases.forEach((_, i) => {
      const region = this.money.regionOn(i, `${month}-01`);
      if (!region.startsWith(prefix) || this.settled(i, month)) return;
      for (const l of this.money.owed(i, month, expectedGraduations, overrides))
        lines.push({
          caseIndex: i,
          programme: l.programme,
          reason: l.reason,
          forMonth: month,
          fen: l.fen,
          region,
        });
      // each settled month whose first month not settled after it is this one
      for (let f = FIRST; f < month; f = monthAfter(f)) {
        if (!this.settled(i, f)) continue;
        let next = monthAfter(f);
        while (next < month && this.settled(i, next)) next = monthAfter(next);
        if (next !== month) continue;
        for (const programme of PROGRAMMES) {
          const owed = this.money
            .owed(i, f, expectedGraduations, overrides)
            .filter((l) => l.programme === programme);
          const paid = this.paid.filter(
            (l) => l.caseIndex === i && l.forMonth === f && l.programme === programme,
          );
          const fen = owed.reduce((s, l) => s + l.fen, 0) - paid.reduce((s, l) => s + l.fen, 0);
          if (fen !== 0)
            lines.push({
              caseIndex: i,
              programme,
              reason: fen > 0 ? 'ARREARS' : 'CLAWBACK',
              forMonth: f,
              fen,
              region,
            });
        }
      }
    });
    return { issued: false, lines };
  }

  /** Issues the roll unless a roll of the month overlaps the prefix; says whether it did. */
  issue(prefix: string, month: string): boolean {
    if (
      this.issued.some(
        (r) => r.month === month && (r.prefix.startsWith(prefix) || prefix.startsWith(r.prefix)),
      )
    )
      return false;
    const { lines } = this.roll(prefix, month);
    this.issued.push({ prefix, month });
    this.paid.push(...lines.map((l) => ({ ...l, month })));
    return true;
  }
}

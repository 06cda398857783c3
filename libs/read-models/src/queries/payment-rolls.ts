import {
  addMonths,
  BEGINNING,
  firstDayOfMonth,
  IssuedRolls,
  rollOf,
  standardLookupFrom,
  sumFen,
  timelineOf,
  type CasePolicy,
  type ExistingCase,
  type OwedOptions,
  type RollLine,
  type StandardLookup,
} from '@app/domain';
import type { IssuedRollRow, KnownAt, ReadModelStore } from '../read-model-store.port';
import type { KnownFacts } from './known-facts';

export type RollAnswer = {
  regionCode: string;
  month: string;
  /** the roll issued for the prefix (or one holding it), null while not issued */
  issued: IssuedRollRow | null;
  lines: RollLine[];
  totalFen: number;
  /** cases with a line */
  children: number;
};

/** What the rolls would pay, month by month (`paymentForecast`). */
export type ForecastAnswer = {
  regionCode: string;
  months: { month: string; count: number; totalFen: number }[];
  totalFen: number;
};

export type RollQuery = {
  /** the standards in force (default: read from the store) */
  standards?: StandardLookup;
  /** the roll as the system knew it at this instant (ISO-8601); default now */
  knownAt?: string | null;
  /** forecasts: expected graduations end protection with their grant */
  options?: OwedOptions;
};

const END = '9999-12-31';

/**
 * The payment roll of a region prefix and a month (CONTRACT.md "Money over time"): frozen where
 * issued, computed by the domain's roll engine (`rollOf`) for the rest, from what is known now or,
 * with `knownAt`, from what was known then (cases folded from the log, standards and issued rolls
 * recorded by then).
 */
export class PaymentRolls {
  constructor(
    private readonly store: ReadModelStore,
    private readonly known: KnownFacts | null,
    private readonly policy: CasePolicy,
  ) {}

  async roll(prefix: string, month: string, query: RollQuery = {}): Promise<RollAnswer> {
    const knownAt = query.knownAt ? new Date(Date.parse(query.knownAt)).toISOString() : undefined;
    const when: KnownAt = knownAt === undefined ? {} : { knownAt };
    const [rolls, frozen] = await Promise.all([
      this.store.issuedRolls(when),
      this.store.issuedLines({ month, regions: [prefix], ...when }),
    ]);
    const covering = rolls.find((r) => r.month === month && prefix.startsWith(r.regionCode));
    if (covering) return answer(prefix, month, covering, frozen);
    const [cases, standards] = await Promise.all([
      this.cases(prefix, month, knownAt),
      this.standards(query.standards, knownAt),
    ]);
    const paid = await this.store.paidLines(
      cases.map((c) => c.id),
      when,
    );
    const view = rollOf(
      prefix,
      month,
      cases.map((c) => timelineOf(c, this.policy)),
      frozen,
      { issued: new IssuedRolls(rolls, paid), standards, options: query.options },
    );
    return answer(prefix, month, null, view.lines);
  }

  /**
   * What the rolls of `count` months from `fromMonth` would pay for the cases known now, with the
   * expected graduations of their known education and the hypothetical standards in `standards`
   * (overrides included by the caller): issued months as frozen, the rest as `roll` computes
   * them, arrears and clawbacks in the first month not issued. One read of the stores for all.
   */
  async forecast(
    prefix: string,
    fromMonth: string,
    count: number,
    standards: StandardLookup,
  ): Promise<ForecastAnswer> {
    const months = Array.from({ length: count }, (_, i) => addMonths(fromMonth, i));
    const [rolls, found, frozen] = await Promise.all([
      this.store.issuedRolls(),
      this.store.payingCases({
        regions: [prefix],
        from: firstDayOfMonth(months[0]),
        to: firstDayOfMonth(months.at(-1)!),
      }),
      Promise.all(months.map((month) => this.store.issuedLines({ month, regions: [prefix] }))),
    ]);
    const paid = await this.store.paidLines(found.map((s) => s.state.id));
    const timelines = found.map((s) => timelineOf(s.state, this.policy));
    const inputs = {
      issued: new IssuedRolls(rolls, paid),
      standards,
      options: { expectedGraduations: true },
    };
    const answers = months.map((month, i) => {
      const { lines } = rollOf(prefix, month, timelines, frozen[i], inputs);
      return { month, count: lines.length, totalFen: sumFen(lines) };
    });
    return {
      regionCode: prefix,
      months: answers,
      totalFen: sumFen(answers.map((m) => ({ amountFen: m.totalFen }))),
    };
  }

  /** The cases the roll asks: in the prefix on the month's first day (as known then, with knownAt). */
  private async cases(prefix: string, month: string, knownAt?: string): Promise<ExistingCase[]> {
    if (knownAt === undefined) {
      const day = firstDayOfMonth(month);
      const found = await this.store.payingCases({ regions: [prefix], from: day, to: day });
      return found.map((s) => s.state);
    }
    if (this.known === null) throw new Error('knownAt needs the event log (KnownFacts)');
    // any case ever in the prefix that may be owed: its village then is what the fold says
    const ever = await this.store.payingCases({ regions: [prefix], from: BEGINNING, to: END });
    return this.known.casesKnownAt(
      ever.map((s) => s.state.id),
      knownAt,
    );
  }

  private async standards(given: StandardLookup | undefined, knownAt?: string) {
    if (knownAt !== undefined && this.known !== null) return this.known.standardsKnownAt(knownAt);
    return given ?? standardLookupFrom(await this.store.standards());
  }
}

function answer(
  regionCode: string,
  month: string,
  issued: IssuedRollRow | null,
  lines: readonly RollLine[],
): RollAnswer {
  const plain = lines.map(
    ({ caseId, regionCode: village, programme, reason, forMonth, amountFen }) => ({
      caseId,
      regionCode: village,
      programme,
      reason,
      forMonth,
      amountFen,
    }),
  );
  return {
    regionCode,
    month,
    issued,
    lines: plain,
    totalFen: sumFen(plain),
    children: new Set(plain.map((l) => l.caseId)).size,
  };
}

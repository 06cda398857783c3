import { DEFAULT_POLICY } from '../policy/case-policy';
import { decide } from '../case/case.decider';
import type { CaseCommand } from '../case/case.commands';
import { evolve } from '../case/case.evolve';
import { initialCaseState, type CaseState, type ExistingCase } from '../case/case.state';
import { DomainError } from '../shared/errors';
import type { BenefitStandard } from '../standards/standard.events';
import { standardLookupFrom, withOverrides } from '../standards/standard-in-force';
import { addMonths } from '../shared/dates';
import { timelineOf } from '../timeline/case-timeline';
import { IssuedRolls, type PaidLine } from '../rolls/issued-rolls';
import { paymentRollDecider } from '../rolls/payment-roll.decider';
import type { IssuedRoll } from '../rolls/payment-roll.events';
import { rollOf } from '../rolls/roll';
import { identifyData, overridesOf, standardOf, stepCommand } from './money-commands';
import {
  WORLD_NOW,
  type ForecastProbe,
  type CaseOp,
  type CaseSpec,
  type InstantStyle,
  type StandardSpec,
} from './money-world';
import type { RollWorldDriver, ServiceRoll } from './roll-world';

const ACTOR = { id: 'civil-1', role: 'CIVIL_AFFAIRS' as const };

type Known = {
  states: Map<string, CaseState>;
  standards: BenefitStandard[];
  rolls: IssuedRoll[];
  paid: PaidLine[];
};

/**
 * The roll engine alone, no store: the domain's deciders and `rollOf` over what is held in
 * memory, a copy kept at each `moment()` for the roll as known then. Many worlds a second.
 */
export class DomainRollDriver implements RollWorldDriver {
  private known: Known = { states: new Map(), standards: [], rolls: [], paid: [] };
  private readonly moments = new Map<string, Known>();

  async identify(spec: CaseSpec, index: number): Promise<string> {
    const caseId = `case-${index}`;
    const command = { type: 'IdentifyChild', data: identifyData(spec, index) } as CaseCommand;
    if (!this.run(caseId, command)) throw new Error('identification refused');
    return caseId;
  }

  async caseStep(caseId: string, op: CaseOp, instant: InstantStyle): Promise<boolean> {
    const state = this.known.states.get(caseId) as ExistingCase;
    return this.run(caseId, stepCommand(op, instant, state, this.known.standards));
  }

  async standard(spec: StandardSpec): Promise<void> {
    this.known = { ...this.known, standards: [...this.known.standards, standardOf(spec)] };
  }

  async issue(regionCode: string, month: string): Promise<'ISSUED' | 'ALREADY_ISSUED'> {
    const roll = await this.roll(regionCode, month);
    if (roll.issued) return 'ALREADY_ISSUED';
    const state = { issued: this.known.rolls.filter((r) => r.month === month) };
    const lines = roll.lines.map((l) => ({
      ...l,
      programme: l.programme as PaidLine['programme'],
      reason: l.reason as PaidLine['reason'],
    }));
    try {
      const [event] = paymentRollDecider.decide(
        {
          type: 'IssuePaymentRoll',
          actor: ACTOR,
          now: WORLD_NOW,
          data: { regionCode, month, lines },
        },
        state,
      );
      const { issuedAt } = event.data;
      this.known = {
        ...this.known,
        rolls: [...this.known.rolls, { regionCode, month, issuedAt }],
        paid: [...this.known.paid, ...lines.map((l) => ({ ...l, month }))],
      };
      return 'ISSUED';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ROLL_ALREADY_ISSUED')
        return 'ALREADY_ISSUED';
      throw error;
    }
  }

  async roll(regionCode: string, month: string, knownAt?: string): Promise<ServiceRoll> {
    const known = knownAt === undefined ? this.known : this.moments.get(knownAt)!;
    const timelines = [...known.states.values()].map((s) =>
      timelineOf(s as ExistingCase, DEFAULT_POLICY),
    );
    const frozen = known.paid.filter(
      (l) => l.month === month && l.regionCode.startsWith(regionCode),
    );
    const view = rollOf(regionCode, month, timelines, frozen, {
      issued: new IssuedRolls(known.rolls, known.paid),
      standards: standardLookupFrom(known.standards),
    });
    return { issued: view.issued !== null, lines: view.lines };
  }

  async forecast(regionCode: string, probe: ForecastProbe) {
    const overrides = overridesOf(probe);
    const known = this.known;
    const timelines = [...known.states.values()].map((s) =>
      timelineOf(s as ExistingCase, DEFAULT_POLICY),
    );
    const inputs = {
      issued: new IssuedRolls(known.rolls, known.paid),
      standards: withOverrides(standardLookupFrom(known.standards), overrides),
      options: { expectedGraduations: true },
    };
    const months = Array.from({ length: probe.months }, (_, i) => {
      const month = addMonths(probe.fromMonth, i);
      const frozen = known.paid.filter(
        (l) => l.month === month && l.regionCode.startsWith(regionCode),
      );
      const { lines } = rollOf(regionCode, month, timelines, frozen, inputs);
      return { month, count: lines.length, totalFen: lines.reduce((s, l) => s + l.amountFen, 0) };
    });
    return { months, totalFen: months.reduce((s, m) => s + m.totalFen, 0) };
  }

  async moment(): Promise<string> {
    const moment = `moment-${this.moments.size}`;
    this.moments.set(moment, { ...this.known, states: new Map(this.known.states) });
    return moment;
  }

  private run(caseId: string, input: CaseCommand): boolean {
    const state = this.known.states.get(caseId) ?? initialCaseState();
    try {
      const events = decide(
        { ...input, caseId, actor: ACTOR, now: WORLD_NOW } as CaseCommand,
        state,
        DEFAULT_POLICY,
      );
      const states = new Map(this.known.states).set(caseId, events.reduce(evolve, state));
      this.known = { ...this.known, states };
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }
}

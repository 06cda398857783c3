import { DEFAULT_POLICY } from '@app/domain';
import { randomUUID } from 'node:crypto';
import {
  benefitStandardStreamId,
  caseStreamId,
  decide,
  DomainError,
  evolve,
  initialCaseState,
  paymentRollDecider,
  paymentRollStreamId,
  standardDecider,
  standardLookupFrom,
  withOverrides,
  type BenefitStandard,
  type CaseCommand,
  type CaseState,
  type ExistingCase,
  type PaymentRollState,
} from '@app/domain';
import { businessTimeOf } from '@app/domain';
import {
  identifyData,
  overridesOf,
  standardOf,
  stepCommand,
} from '@app/domain/testing/money-commands';
import {
  WORLD_NOW,
  type ForecastProbe,
  type CaseOp,
  type CaseSpec,
  type InstantStyle,
  type StandardSpec,
} from '@app/domain/testing/money-world';
import type { EventStore, FromPosition } from '@app/event-store';
import { applyBatch } from '../projector/apply-batch';
import { projectedOf, type ProjectedEvent } from '../projections/streams';
import type { ReadModelStore } from '../read-model-store.port';
import { EventLogKnownFacts } from '../queries/known-facts';
import { PaymentRolls } from '../queries/payment-rolls';
import type { RollWorldDriver, ServiceRoll } from '@app/domain/testing/roll-world';

const ACTOR = { id: 'civil-1', role: 'CIVIL_AFFAIRS' as const };

/**
 * The roll specs' service on real stores: commands decided by the domain, events appended to the
 * event store with their business and recording times (a clock a second a write), projected into
 * the read-model store under test, rolls read and issued through PaymentRolls, the roll as known
 * then read from the log.
 */
export class StoreRollDriver implements RollWorldDriver {
  private readonly states = new Map<string, CaseState>();
  private readonly revisions = new Map<string, bigint>();
  private readonly issued = new Map<string, PaymentRollState>();
  private readonly standards: BenefitStandard[] = [];
  private readonly rolls: PaymentRolls;
  private clock = Date.parse(WORLD_NOW);
  private projected: FromPosition = 'start';

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
  ) {
    this.rolls = new PaymentRolls(store, new EventLogKnownFacts(events), DEFAULT_POLICY);
  }

  async identify(spec: CaseSpec, index: number): Promise<string> {
    const caseId = `0e000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
    const command = { type: 'IdentifyChild', data: identifyData(spec, index) } as CaseCommand;
    if (!(await this.caseCommand(caseId, command))) throw new Error('identification refused');
    return caseId;
  }

  caseStep(caseId: string, op: CaseOp, instant: InstantStyle): Promise<boolean> {
    const state = this.states.get(caseId) as ExistingCase;
    return this.caseCommand(caseId, stepCommand(op, instant, state, this.standards));
  }

  async standard(spec: StandardSpec): Promise<void> {
    const data = standardOf(spec);
    const { regionCode, category, effectiveFrom: from } = data;
    const events = standardDecider(DEFAULT_POLICY).decide(
      { type: 'SetBenefitStandard', actor: ACTOR, now: WORLD_NOW, data },
      {
        standards: this.standards.filter(
          (s) => s.regionCode === regionCode && s.category === category,
        ),
      },
    );
    this.standards.push(data);
    await this.append(
      benefitStandardStreamId(regionCode, category),
      events,
      () => `${from}T00:00:00+08:00`,
    );
  }

  async issue(regionCode: string, month: string): Promise<'ISSUED' | 'ALREADY_ISSUED'> {
    const now = new Date(this.clock + 1000).toISOString();
    const roll = await this.rolls.roll(regionCode, month, {
      standards: standardLookupFrom(this.standards),
    });
    if (roll.issued) return 'ALREADY_ISSUED';
    const stream = paymentRollStreamId(month);
    const state = this.issued.get(stream) ?? paymentRollDecider.initialState();
    let events;
    try {
      const data = { regionCode, month, lines: roll.lines };
      events = paymentRollDecider.decide(
        { type: 'IssuePaymentRoll', actor: ACTOR, now, data },
        state,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ROLL_ALREADY_ISSUED')
        return 'ALREADY_ISSUED';
      throw error;
    }
    this.issued.set(stream, events.reduce(paymentRollDecider.evolve, state));
    await this.append(stream, events, () => now);
    return 'ISSUED';
  }

  async roll(regionCode: string, month: string, knownAt?: string): Promise<ServiceRoll> {
    const standards = standardLookupFrom(this.standards);
    const roll = await this.rolls.roll(regionCode, month, { standards, knownAt });
    return { issued: roll.issued !== null, lines: roll.lines };
  }

  async forecast(regionCode: string, probe: ForecastProbe) {
    const standards = withOverrides(standardLookupFrom(this.standards), overridesOf(probe));
    const { months, totalFen } = await this.rolls.forecast(
      regionCode,
      probe.fromMonth,
      probe.months,
      standards,
    );
    return { months, totalFen };
  }

  async moment(): Promise<string> {
    return new Date(this.clock + 500).toISOString();
  }

  private async caseCommand(caseId: string, input: CaseCommand): Promise<boolean> {
    const state = this.states.get(caseId) ?? initialCaseState();
    const command = { ...input, caseId, actor: ACTOR, now: WORLD_NOW } as CaseCommand;
    let events;
    try {
      events = decide(command, state, DEFAULT_POLICY);
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
    if (events.length === 0) return true;
    this.states.set(caseId, events.reduce(evolve, state));
    await this.append(caseStreamId(caseId), events, (e) => businessTimeOf(e as never));
    return true;
  }

  /** Appends with business and recording times, then projects what is new. */
  private async append(
    streamId: string,
    events: readonly { type: string; data: unknown }[],
    occurredAt: (event: { type: string; data: unknown }) => string,
  ): Promise<void> {
    this.clock += 1000;
    const recordedAt = new Date(this.clock).toISOString();
    const result = await this.events.appendToStream(
      streamId,
      events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: { occurredAt: occurredAt(e), recordedAt },
      })),
      { expectedRevision: this.revisions.get(streamId) ?? 'no_stream' },
    );
    this.revisions.set(streamId, result.nextRevision);
    const batch: ProjectedEvent[] = [];
    for await (const event of this.events.readAll({ fromPosition: this.projected }))
      batch.push(projectedOf(event));
    const applied = await applyBatch(this.store, batch, DEFAULT_POLICY);
    if (applied.failure) throw new Error(`projection failed: ${applied.failure.error}`);
    this.projected = batch.at(-1)?.position ?? this.projected;
  }
}

import { DEFAULT_POLICY } from '@app/domain';
import {
  decide,
  evolve,
  initialCaseState,
  makeFictionalIdNumber,
  type Actor,
  type CaseCommandOf,
  type CaseCommandType,
  type CaseState,
  type ChildCategory,
} from '@app/domain';
import type { EventStore, StoredEvent } from '@app/event-store';

const CIVIL: Actor = { id: 'civil-1', role: 'CIVIL_AFFAIRS' };

/**
 * Builds a realistic global log for specs: commands go through the domain's `decide`, so the
 * events are what the write side would store. Positions count from 1, as in SQLite.
 */
export class ScenarioLog {
  readonly events: StoredEvent[] = [];
  private readonly states = new Map<string, CaseState>();
  private readonly revisions = new Map<string, number>();

  constructor(public now = '2026-11-20T10:00:00+08:00') {}

  /** Runs a case command at `now` and records its events. */
  command<T extends CaseCommandType>(
    caseId: string,
    type: T,
    data: CaseCommandOf<T>['data'],
  ): StoredEvent[] {
    const state = this.states.get(caseId) ?? initialCaseState();
    const command = { type, caseId, actor: CIVIL, now: this.now, data } as CaseCommandOf<T>;
    const events = decide(command, state, DEFAULT_POLICY);
    this.states.set(caseId, events.reduce(evolve, state));
    return events.map((e) => this.record(`case-${caseId}`, e.type, e.data));
  }

  identify(
    caseId: string,
    options: {
      regionCode: string;
      birthDate: string;
      sequence?: number;
      categories?: ChildCategory[];
      identifiedAt?: string;
    },
  ): StoredEvent[] {
    const idNumber = makeFictionalIdNumber(
      options.regionCode.slice(0, 6),
      options.birthDate,
      options.sequence ?? 1,
    );
    return this.command(caseId, 'IdentifyChild', {
      idNumber,
      name: '测试儿童',
      regionCode: options.regionCode,
      source: 'VISIT',
      identifiedAt: options.identifiedAt ?? '2024-01-15T09:00:00+08:00',
      categories: options.categories ?? [],
      guardian: { kind: 'RELATIVE', name: '测试监护人', relation: 'grandmother' },
    });
  }

  standard(regionCode: string, category: ChildCategory, fen: number, from: string): StoredEvent {
    return this.record(`benefit-standard-${regionCode}-${category}`, 'BenefitStandardSet', {
      regionCode,
      category,
      monthlyAmountFen: fen,
      effectiveFrom: from,
    });
  }

  /** Any event, as another writer might have stored it. */
  record(streamId: string, type: string, data: unknown): StoredEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const event: StoredEvent = {
      id: `00000000-0000-4000-8000-${String(this.events.length + 1).padStart(12, '0')}`,
      type,
      data,
      metadata: {},
      streamId,
      revision: BigInt(revision),
      position: String(this.events.length + 1),
      recordedAt: new Date('2026-03-10T02:00:00Z'),
    };
    this.events.push(event);
    return event;
  }

  /** Appends `events` (default all) to a real store, one append per event, in log order. */
  async appendTo(store: EventStore, events: readonly StoredEvent[] = this.events): Promise<void> {
    for (const e of events)
      await store.appendToStream(
        e.streamId,
        [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }],
        { expectedRevision: e.revision === 0n ? 'no_stream' : e.revision - 1n },
      );
  }
}

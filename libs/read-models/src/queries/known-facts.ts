import {
  foldCaseAsOf,
  standardLookupFrom,
  timedCaseEvent,
  type BenefitStandard,
  type ExistingCase,
  type StandardLookup,
} from '@app/domain';
import { StreamNotFound, type EventStore, type StoredEvent } from '@app/event-store';
import { CASE_STREAM_PREFIX, isStandardStream } from '../projections/streams';

/** What the system knew at a moment (`paymentRoll(knownAt:)`): read from the log, not the models. */
export interface KnownFacts {
  /** The cases as the events recorded by `knownAt` fold them; cases unknown then are left out. */
  casesKnownAt(caseIds: readonly string[], knownAt: string): Promise<ExistingCase[]>;
  /** The standards set (recorded) by `knownAt`. */
  standardsKnownAt(knownAt: string): Promise<StandardLookup>;
}

// every business time: what was known is what `knownAt` limits
const END_OF_TIME = '9999-12-31T23:59:59Z';

/**
 * KnownFacts straight from the event log: each case's stream folded as known at the moment (the
 * fold of `caseAsOf`). The standards come from `standards` when given (the api keeps them in
 * memory), else from a scan of the whole log.
 */
export class EventLogKnownFacts implements KnownFacts {
  constructor(
    private readonly events: EventStore,
    private readonly standards?: (knownAt: string) => Promise<StandardLookup>,
  ) {}

  async casesKnownAt(caseIds: readonly string[], knownAt: string): Promise<ExistingCase[]> {
    const known: ExistingCase[] = [];
    for (const caseId of caseIds) {
      const stream = await this.read(`${CASE_STREAM_PREFIX}${caseId}`);
      const { state } = foldCaseAsOf(stream.map(timedCaseEvent), END_OF_TIME, knownAt);
      if (state.status !== 'NONE') known.push(state);
    }
    return known;
  }

  async standardsKnownAt(knownAt: string): Promise<StandardLookup> {
    if (this.standards) return this.standards(knownAt);
    const limit = Date.parse(knownAt);
    const set: BenefitStandard[] = [];
    for await (const event of this.events.readAll({ fromPosition: 'start' }))
      if (
        isStandardStream(event.streamId) &&
        Date.parse(String(event.metadata.recordedAt)) <= limit
      )
        set.push(event.data as BenefitStandard);
    return standardLookupFrom(set);
  }

  private async read(streamId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const event of this.events.readStream(streamId)) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return events;
  }
}

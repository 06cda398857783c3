import { evolve } from '../case/case.evolve';
import type { CaseEvent } from '../case/case.events';
import { initialCaseState, type CaseState } from '../case/case.state';
import type { EventMetadata } from '../shared/metadata';

/** A case event as the audit reads it back: its revision and both of its times. */
export interface TimedCaseEvent {
  revision: number;
  event: CaseEvent;
  /** business time: when it happened (metadata `occurredAt`) */
  occurredAt: string;
  /** when the system recorded it (metadata `recordedAt`, covered by the hash chain) */
  recordedAt: string;
}

export function timedCaseEvent(stored: {
  revision: bigint | number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}): TimedCaseEvent {
  const metadata = stored.metadata as Partial<EventMetadata>;
  return {
    revision: Number(stored.revision),
    event: { type: stored.type, data: stored.data } as CaseEvent,
    occurredAt: String(metadata.occurredAt),
    recordedAt: String(metadata.recordedAt),
  };
}

/**
 * When an event takes effect on the business timeline. A correction fixes what was recorded
 * wrongly: the corrected value was always the true one, so it takes effect at the business time of
 * the event it corrects (and of what that one corrected, in turn). Its own `occurredAt` stays the
 * day it was made; `knownAt` still hides it before it was recorded.
 */
export function effectiveTimes(events: readonly TimedCaseEvent[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const { revision, event, occurredAt } of events) {
    let time = Date.parse(occurredAt);
    if (event.type === 'CaseCorrected') {
      const target = times.get(event.data.correctsRevision);
      if (target !== undefined && event.data.correctsRevision < revision)
        time = Math.min(time, target);
    }
    times.set(revision, time);
  }
  return times;
}

export interface CaseAsOf {
  state: CaseState;
  /** revision of the last event folded, -1 when none */
  revision: number;
}

/**
 * The case at business time `at` as known at `knownAt`: the events in effect at `at` and recorded
 * by `knownAt`, folded in stream order (never re-sorted by business time: the live fold applies a
 * late court act after what came before it in the stream, and so must this one) through the very
 * `evolve` of the live path.
 */
export function foldCaseAsOf(
  events: readonly TimedCaseEvent[],
  at: string,
  knownAt: string,
): CaseAsOf {
  const atMs = Date.parse(at);
  const knownAtMs = Date.parse(knownAt);
  const effective = effectiveTimes(events);
  let state = initialCaseState();
  let revision = -1;
  for (const timed of events) {
    // written so that a time that does not parse (a damaged row) leaves the event out
    if (!(Date.parse(timed.recordedAt) <= knownAtMs)) continue;
    if (!((effective.get(timed.revision) ?? NaN) <= atMs)) continue;
    state = evolve(state, timed.event);
    revision = timed.revision;
  }
  return { state, revision };
}

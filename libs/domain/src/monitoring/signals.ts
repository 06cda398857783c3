import { businessDateOf } from '../shared/dates';
import type { ChildCategory } from '../shared/enums';
import type { Event } from '../shared/event';
import type { BusinessDate, DateTime } from '../shared/types';
import type { RosterKind, SignalKind } from './monitoring-policy';

/** What one roster row (or its absence from a complete roster) tells about a case. */
export type Evidence = {
  kind: SignalKind;
  rosterKind: RosterKind;
  /** the category found or lapsed; null for risk evidence */
  category: ChildCategory | null;
  /** the roster's as-of date */
  asOf: BusinessDate;
  importId: string;
};

export type MonitoringSignalRaised = Event<
  'MonitoringSignalRaised',
  Evidence & { signalId: string; raisedAt: DateTime }
>;

export type MonitoringSignalResolved = Event<
  'MonitoringSignalResolved',
  { signalId: string; resolution: string; resolvedAt: DateTime }
>;

export type SignalEvent = MonitoringSignalRaised | MonitoringSignalResolved;

/** A signal as the case holds it. */
export type CaseSignal = Evidence & {
  signalId: string;
  raisedAt: DateTime;
  resolvedAt: DateTime | null;
  resolution: string | null;
};

export function evolveSignals(signals: readonly CaseSignal[], event: SignalEvent): CaseSignal[] {
  switch (event.type) {
    case 'MonitoringSignalRaised':
      return [...signals, { ...event.data, resolvedAt: null, resolution: null }];
    case 'MonitoringSignalResolved':
      return signals.map((s) =>
        s.signalId === event.data.signalId && s.resolvedAt === null
          ? { ...s, resolvedAt: event.data.resolvedAt, resolution: event.data.resolution }
          : s,
      );
    default: {
      const _exhaustive: never = event;
      return [...signals];
    }
  }
}

const sameEvidence = (s: CaseSignal, e: Evidence): boolean =>
  s.kind === e.kind && s.rosterKind === e.rosterKind && s.category === e.category;

/**
 * "never twice for the same evidence": a finding is new unless the case has a signal of the same
 * kind, roster kind and category that is still open, or that rests on a roster as of the same day
 * or later, or that a person resolved on or after the new roster's date (they decided knowing it).
 */
export function isNewEvidence(signals: readonly CaseSignal[], evidence: Evidence): boolean {
  return !signals.some(
    (s) =>
      sameEvidence(s, evidence) &&
      (s.resolvedAt === null ||
        s.asOf >= evidence.asOf ||
        businessDateOf(s.resolvedAt) >= evidence.asOf),
  );
}

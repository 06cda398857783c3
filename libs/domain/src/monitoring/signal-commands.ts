import { IllegalTransition, NotFound } from '../shared/errors';
import { TEXT_LIMITS } from '../shared/limits';
import { FieldChecks } from '../shared/validation';
import type { Command } from '../shared/event';
import type { CaseState, ExistingCase } from '../case/case.state';
import {
  isNewEvidence,
  type CaseSignal,
  type Evidence,
  type MonitoringSignalRaised,
  type MonitoringSignalResolved,
} from './signals';

/** Run by a roster import: the evidence its rows gave about one case, each with a fresh id. */
export type RaiseMonitoringSignals = Command<
  'RaiseMonitoringSignals',
  { evidence: (Evidence & { signalId: string })[] }
>;

export type ResolveSignal = Command<'ResolveSignal', { signalId: string; resolution: string }>;

export const signalsOf = (file: { signals?: CaseSignal[] }): CaseSignal[] => file.signals ?? [];

/** Does the evidence still tell the case something (decided on the case as it stands)? */
function stillTells(file: ExistingCase, evidence: Evidence): boolean {
  switch (evidence.kind) {
    case 'CATEGORY_EVIDENCE_FOUND':
      return evidence.category !== null && !file.categories.includes(evidence.category);
    case 'CATEGORY_EVIDENCE_LAPSED':
      return evidence.category !== null && file.categories.includes(evidence.category);
    case 'RISK_EVIDENCE_FOUND':
      return true;
  }
}

/**
 * "adds a monitoring signal to that case when it tells something new". An import never fails on
 * a case: evidence that is old, or that a closed case no longer needs, writes nothing.
 */
export function raiseMonitoringSignals(
  command: RaiseMonitoringSignals,
  state: CaseState,
): MonitoringSignalRaised[] {
  if (state.status === 'NONE') throw new NotFound('case', command.caseId);
  if (state.status === 'CLOSED' || state.status === 'AGED_OUT') return [];
  const events: MonitoringSignalRaised[] = [];
  let signals = signalsOf(state);
  for (const evidence of command.data.evidence) {
    if (!stillTells(state, evidence) || !isNewEvidence(signals, evidence)) continue;
    const data = { ...evidence, raisedAt: command.now };
    events.push({ type: 'MonitoringSignalRaised', data });
    signals = [...signals, { ...data, resolvedAt: null, resolution: null }];
  }
  return events;
}

/** "resolved by a person (`resolveSignal`) with a reason". */
export function resolveSignal(
  command: ResolveSignal,
  state: CaseState,
): MonitoringSignalResolved[] {
  if (state.status === 'NONE') throw new NotFound('case', command.caseId);
  const { signalId, resolution } = command.data;
  const signal = signalsOf(state).find((s) => s.signalId === signalId);
  if (!signal) throw new NotFound('signal', signalId);
  const checks = new FieldChecks();
  checks.text(resolution, 'resolution', TEXT_LIMITS.reason);
  checks.throwIfAny();
  if (signal.resolvedAt !== null)
    throw new IllegalTransition(command.type, 'RESOLVED', 'the signal is already resolved');
  return [
    {
      type: 'MonitoringSignalResolved',
      data: { signalId, resolution: resolution.trim(), resolvedAt: command.now },
    },
  ];
}

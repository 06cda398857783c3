import {
  CASE_EVENT_TYPES,
  evolve,
  initialCaseState,
  isOneOf,
  type CaseEvent,
  type ExistingCase,
} from '@app/domain';
import type { CaseSnapshot } from '../read-model-store.port';
import type { ProjectedEvent } from './streams';
import { UnhandledEvent } from './unhandled-event';

/**
 * Folds one event of a case stream into the case, with the domain's own `evolve`, so the read
 * models agree with the write side on status, protection periods, guardians and corrections.
 * Pure. Throws UnhandledEvent for what it cannot apply (unknown type, broken stream).
 */
export function projectCaseEvent(
  caseId: string,
  prior: CaseSnapshot | null,
  event: ProjectedEvent,
): CaseSnapshot {
  if (!isOneOf(CASE_EVENT_TYPES, event.type))
    throw new UnhandledEvent(`unknown case event type ${event.type}`);
  if (typeof event.data !== 'object' || event.data === null)
    throw new UnhandledEvent(`${event.type} carries no data object`);
  const domainEvent = { type: event.type, data: event.data } as CaseEvent;
  if (domainEvent.type === 'ChildIdentified') {
    if (prior !== null) throw new UnhandledEvent('ChildIdentified on a case already identified');
    if (domainEvent.data.caseId !== caseId)
      throw new UnhandledEvent('ChildIdentified names another case than its stream');
  } else if (prior === null) {
    throw new UnhandledEvent(`${event.type} before the case was identified`);
  }
  const state = evolve(prior?.state ?? initialCaseState(), domainEvent);
  if (state.status === 'NONE') throw new UnhandledEvent(`${event.type} left no case`);
  return {
    state: state as ExistingCase,
    revision: Number(event.revision),
    position: event.position,
  };
}

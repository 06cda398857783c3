import { compareDateTimes } from '../shared/dates';
import { TEXT_LIMITS } from '../shared/limits';
import { MESSAGES } from '../shared/messages';
import { IllegalTransition } from '../shared/errors';
import { FieldChecks, optionalText } from '../shared/validation';
import { isVillageCode } from '../region/region-code';
import type {
  AssignCaseworker,
  CloseCase,
  RecordVisit,
  ReopenCase,
  TransferCase,
} from './case.commands';
import type {
  CaseClosed,
  CaseReopened,
  CaseTransferred,
  CaseworkerAssigned,
  VisitRecorded,
} from './case.events';
import type { CaseState } from './case.state';
import { requireActive, requireCase } from './case-status';
import { checkCaseDateTime } from './case-checks';

// "caseworker assigned"; assigning the caseworker already assigned is refused
export function assignCaseworker(
  command: AssignCaseworker,
  state: CaseState,
): CaseworkerAssigned[] {
  const file = requireActive(state, command.caseId, command.type);
  const { caseworkerId } = command.data;
  const checks = new FieldChecks();
  checks.text(caseworkerId, 'caseworkerId', TEXT_LIMITS.caseworkerId);
  checks.throwIfAny();
  if (file.caseworkerId === caseworkerId)
    throw new IllegalTransition(command.type, file.status, 'already the caseworker');
  return [{ type: 'CaseworkerAssigned', data: { caseworkerId, assignedAt: command.now } }];
}

// "follow-up visit recorded"; the next visit falls due from it (policy/risk.ts)
export function recordVisit(command: RecordVisit, state: CaseState): VisitRecorded[] {
  const file = requireActive(state, command.caseId, command.type);
  const { visitedAt, notes } = command.data;
  const checks = new FieldChecks();
  checkCaseDateTime(checks, visitedAt, 'visitedAt', file, command.now);
  checks.text(notes, 'notes', TEXT_LIMITS.notes, { required: false });
  checks.throwIfAny();
  return [{ type: 'VisitRecorded', data: { visitedAt, notes: optionalText(notes) } }];
}

// "case transferred to another region (migrant children move)"
export function transferCase(command: TransferCase, state: CaseState): CaseTransferred[] {
  const file = requireActive(state, command.caseId, command.type);
  const { toRegionCode, transferredAt } = command.data;
  const checks = new FieldChecks();
  checks.check(isVillageCode(toRegionCode), 'toRegionCode', MESSAGES.villageCode);
  checkCaseDateTime(checks, transferredAt, 'transferredAt', file, command.now);
  checks.throwIfAny();
  if (toRegionCode === file.regionCode)
    throw new IllegalTransition(command.type, file.status, 'the case is already in that region');
  return [
    {
      type: 'CaseTransferred',
      data: { fromRegionCode: file.regionCode, toRegionCode, transferredAt },
    },
  ];
}

// "case closed (aged out, adopted, guardian restored, moved away, died)"
export function closeCase(command: CloseCase, state: CaseState): CaseClosed[] {
  const file = requireCase(state, command.caseId);
  if (file.status === 'CLOSED')
    throw new IllegalTransition(command.type, file.status, 'the case is already closed');
  const { reason, closedAt } = command.data;
  const checks = new FieldChecks();
  checks.text(reason, 'reason', TEXT_LIMITS.reason);
  checkCaseDateTime(checks, closedAt, 'closedAt', file, command.now);
  checks.throwIfAny();
  return [{ type: 'CaseClosed', data: { reason: reason.trim(), closedAt } }];
}

/** "and reopened": only a closed case, not before it was closed. */
export function reopenCase(command: ReopenCase, state: CaseState): CaseReopened[] {
  const file = requireCase(state, command.caseId);
  if (file.status !== 'CLOSED')
    throw new IllegalTransition(command.type, file.status, 'the case is not closed');
  if (file.erased)
    throw new IllegalTransition(command.type, file.status, 'its personal information was erased');
  const { reason, reopenedAt } = command.data;
  const checks = new FieldChecks();
  checks.text(reason, 'reason', TEXT_LIMITS.reason);
  if (checkCaseDateTime(checks, reopenedAt, 'reopenedAt', file, command.now))
    checks.check(
      compareDateTimes(reopenedAt, file.closure.closedAt) >= 0,
      'reopenedAt',
      'is before the case was closed',
    );
  checks.throwIfAny();
  return [{ type: 'CaseReopened', data: { reason: reason.trim(), reopenedAt } }];
}

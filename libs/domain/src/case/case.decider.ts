import type { CasePolicy } from '../policy/case-policy';
import type { Decider } from '../shared/decider';
import { reviewAgeOut } from '../age-out/review-age-out';
import {
  recordGuardianshipAct,
  reportGuardianshipCrisis,
  urgeGuardian,
} from '../guardianship/guardianship.decide';
import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';
import { initialCaseState, type CaseState } from './case.state';
import { evolve } from './case.evolve';
import { identifyChild } from './identify-child';
import { assessRisk, determineCategories } from './assess-risk';
import { endProgramme, enrollInProgramme } from './programmes';
import { recordEducation, recordGraduation } from './education';
import { assignCaseworker, closeCase, recordVisit, reopenCase, transferCase } from './case-admin';
import { correctCase } from './correct-case';
import { raiseMonitoringSignals, resolveSignal } from '../monitoring/signal-commands';
import { erasePersonalInformation } from '../personal/erase-personal-information';

/** Every case command, one pure function each: `(command, state) => events`, or a domain error. */
export function decide(command: CaseCommand, state: CaseState, policy: CasePolicy): CaseEvent[] {
  switch (command.type) {
    case 'IdentifyChild':
      return identifyChild(command, state, policy);
    case 'AssessRisk':
      return assessRisk(command, state);
    case 'DetermineCategories':
      return determineCategories(command, state);
    case 'EnrollInProgramme':
      return enrollInProgramme(command, state, policy);
    case 'EndProgramme':
      return endProgramme(command, state);
    case 'RecordEducation':
      return recordEducation(command, state);
    case 'RecordGraduation':
      return recordGraduation(command, state);
    case 'AssignCaseworker':
      return assignCaseworker(command, state);
    case 'RecordVisit':
      return recordVisit(command, state);
    case 'TransferCase':
      return transferCase(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'ReopenCase':
      return reopenCase(command, state);
    case 'CorrectCase':
      return correctCase(command, state);
    case 'ErasePersonalInformation':
      return erasePersonalInformation(command, state);
    case 'ReviewAgeOut':
      return reviewAgeOut(state, command.data, policy, command.now);
    case 'ReportGuardianshipCrisis':
      return reportGuardianshipCrisis(command, state);
    case 'UrgeGuardian':
      return urgeGuardian(command, state);
    case 'RecordGuardianshipAct':
      return recordGuardianshipAct(command, state, policy);
    case 'RaiseMonitoringSignals':
      return raiseMonitoringSignals(command, state);
    case 'ResolveSignal':
      return resolveSignal(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error('unknown command');
    }
  }
}

/**
 * The emmett-style triple the command path runs, deciding under `policy` (the configured one: the
 * read side projects with the same). There is no default: every caller says which policy applies.
 */
export function caseDecider(policy: CasePolicy): Decider<CaseState, CaseCommand, CaseEvent> {
  return {
    initialState: initialCaseState,
    evolve,
    decide: (command, state) => decide(command, state, policy),
  };
}

/** Folds a stream from the start. */
export function foldCase(events: readonly CaseEvent[], from: CaseState = initialCaseState()) {
  return events.reduce(evolve, from);
}

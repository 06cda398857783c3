import { isValidDate } from '../shared/dates';
import { TEXT_LIMITS } from '../shared/limits';
import { MESSAGES } from '../shared/messages';
import { AGENCY_ACTS, CRISIS_KINDS, isOneOf } from '../shared/enums';
import { IllegalTransition } from '../shared/errors';
import { FieldChecks, optionalText } from '../shared/validation';
import { eighteenthBirthday } from '../policy/age';
import type { CasePolicy } from '../policy/case-policy';
import type {
  RecordGuardianshipAct,
  ReportGuardianshipCrisis,
  UrgeGuardian,
} from '../case/case.commands';
import type {
  AgencyActData,
  GuardianshipCrisisReported,
  GuardianshipEvent,
  GuardianUrged,
} from '../case/case.events';
import type { CaseState, ExistingCase } from '../case/case.state';
import type { DateTime } from '../shared/types';
import { requireActive, requireCase } from '../case/case-status';
import { checkCaseDateTime } from '../case/case-checks';
import { checkGuardian, PARENT_OF_ORPHAN, toGuardian } from './guardian-input';
import { parentOfOrphan } from './guardian-by-law';
import { sameGuardian } from './guardianship.evolve';

// "Crisis reported (lacking or improper guardianship)"
export function reportGuardianshipCrisis(
  command: ReportGuardianshipCrisis,
  state: CaseState,
): GuardianshipCrisisReported[] {
  const file = requireActive(state, command.caseId, command.type);
  const { kind, reportedAt, notes } = command.data;
  const checks = new FieldChecks();
  checks.check(isOneOf(CRISIS_KINDS, kind), 'kind', MESSAGES.oneOf(CRISIS_KINDS));
  checkCaseDateTime(checks, reportedAt, 'reportedAt', file, command.now);
  checks.text(notes, 'notes', TEXT_LIMITS.notes, { required: false });
  checks.throwIfAny();
  return [
    { type: 'GuardianshipCrisisReported', data: { kind, reportedAt, notes: optionalText(notes) } },
  ];
}

// "guardian urged to perform": there must be a guardian to urge
export function urgeGuardian(command: UrgeGuardian, state: CaseState): GuardianUrged[] {
  const file = requireActive(state, command.caseId, command.type);
  const { urgedAt, notes } = command.data;
  const checks = new FieldChecks();
  checkCaseDateTime(checks, urgedAt, 'urgedAt', file, command.now);
  checks.text(notes, 'notes', TEXT_LIMITS.notes, { required: false });
  checks.throwIfAny();
  if (file.guardian === null)
    throw new IllegalTransition(command.type, file.status, 'the child has no guardian to urge');
  return [{ type: 'GuardianUrged', data: { urgedAt, notes: optionalText(notes) } }];
}

/**
 * What an act's fields must be whatever the child: checked before the child is even looked up
 * (an invalid act tells nothing of whether the child has a case), and again on the case.
 */
export function checkGuardianshipAct(
  checks: FieldChecks,
  d: RecordGuardianshipAct['data'],
  now: DateTime,
): void {
  const known = checks.check(isOneOf(AGENCY_ACTS, d.act), 'act', MESSAGES.oneOf(AGENCY_ACTS));
  checks.text(d.docketNumber, 'docketNumber', TEXT_LIMITS.docketNumber);
  // decided: a fact, so not in the future; effective: the contract lets it lie ahead
  checks.pastDate(d.decidedOn, 'decidedOn', now);
  if (checks.date(d.effectiveOn, 'effectiveOn') && isValidDate(d.decidedOn))
    checks.check(d.effectiveOn >= d.decidedOn, 'effectiveOn', 'is before the decision');
  checks.text(d.notes, 'notes', TEXT_LIMITS.notes, { required: false });
  const hasNewGuardian = d.newGuardian !== undefined && d.newGuardian !== null;
  if (hasNewGuardian) checkGuardian(checks, d.newGuardian, 'newGuardian', []);
  if (known && d.act === 'GUARDIAN_APPOINTED')
    checks.check(hasNewGuardian, 'newGuardian', 'is required to appoint a guardian');
  if (known && (d.act === 'REVOCATION_PETITIONED' || d.act === 'PROCURATORATE_SUPPORT_FILED'))
    checks.check(!hasNewGuardian, 'newGuardian', 'is not part of this act');
  checks.text(d.petitioner, 'petitioner', TEXT_LIMITS.petitioner, { required: false });
}

/**
 * Court and procuratorate acts. They may arrive late (effectiveOn before the case's last event)
 * and even after closure: they are recorded at their business time, never refused for lateness.
 */
export function recordGuardianshipAct(
  command: RecordGuardianshipAct,
  state: CaseState,
  policy: Pick<CasePolicy, 'ageOfMajority'>,
): GuardianshipEvent[] {
  const file = requireCase(state, command.caseId);
  const d = command.data;
  const checks = new FieldChecks();
  checkGuardianshipAct(checks, d, command.now);
  if (checks.ok) {
    checks.check(d.decidedOn >= file.birthDate, 'decidedOn', MESSAGES.beforeBirth);
    checks.check(
      d.effectiveOn < eighteenthBirthday(file.birthDate, policy.ageOfMajority),
      'effectiveOn',
      'is on or after the 18th birthday',
    );
    checks.check(
      !parentOfOrphan(d.newGuardian?.kind, file.categories),
      'newGuardian.kind',
      PARENT_OF_ORPHAN,
    );
  }
  checks.throwIfAny();
  const hasNewGuardian = d.newGuardian !== undefined && d.newGuardian !== null;

  const act: AgencyActData = {
    docketNumber: d.docketNumber.trim(),
    decidedOn: d.decidedOn,
    effectiveOn: d.effectiveOn,
    agency: command.actor.agency ?? command.actor.id,
    notes: optionalText(d.notes),
  };
  const newGuardian = hasNewGuardian ? toGuardian(d.newGuardian!) : null;
  const refuse = (reason: string) => new IllegalTransition(d.act, file.status, reason);
  return [actEvent(d.act, act, file, newGuardian, optionalText(d.petitioner), refuse)];
}

function actEvent(
  kind: RecordGuardianshipAct['data']['act'],
  act: AgencyActData,
  file: ExistingCase,
  newGuardian: ReturnType<typeof toGuardian> | null,
  petitioner: string | null,
  refuse: (reason: string) => IllegalTransition,
): GuardianshipEvent {
  const current = file.guardian;
  switch (kind) {
    case 'REVOCATION_PETITIONED':
      if (current === null) throw refuse('there is no guardian whose revocation to petition');
      return { type: 'RevocationPetitioned', data: { ...act, petitioner } };
    case 'PROCURATORATE_SUPPORT_FILED':
      if (current === null && !file.guardianship.petitionPending)
        throw refuse('there is no guardian and no petition to support');
      return { type: 'ProcuratorateSupportFiled', data: act };
    case 'GUARDIANSHIP_REVOKED':
      // "revoking needs a guardian to revoke"
      if (current === null) throw refuse('there is no guardian to revoke');
      if (newGuardian !== null && sameGuardian(newGuardian, current))
        throw refuse('the new guardian is the revoked one');
      return {
        type: 'GuardianshipRevoked',
        data: { ...act, revokedGuardian: current, newGuardian },
      };
    case 'GUARDIAN_APPOINTED':
      // "the court revokes and appoints a new guardian"; an orphan "has none until one is appointed"
      if (current !== null && file.revokedGuardians.length === 0)
        throw refuse('a guardian is in place and none was revoked');
      if (current !== null && sameGuardian(newGuardian!, current))
        throw refuse('already the guardian');
      return { type: 'GuardianAppointed', data: { ...act, newGuardian: newGuardian! } };
    case 'GUARDIANSHIP_RESTORED': {
      // "a revoked guardian may later be restored by the court"
      const revoked = file.revokedGuardians;
      const restored =
        newGuardian === null
          ? revoked.at(-1)
          : revoked.findLast((r) => sameGuardian(r, newGuardian));
      if (restored === undefined) throw refuse('no such guardian was revoked');
      if (parentOfOrphan(restored.kind, file.categories)) throw refuse(PARENT_OF_ORPHAN);
      return { type: 'GuardianshipRestored', data: { ...act, restoredGuardian: restored } };
    }
  }
}

import { isOneOf, PROGRAMMES } from '../shared/enums';
import { IllegalTransition, NotEligible } from '../shared/errors';
import { TEXT_LIMITS } from '../shared/limits';
import { MESSAGES } from '../shared/messages';
import { isFen } from '../shared/money';
import { FieldChecks } from '../shared/validation';
import { eighteenthBirthday } from '../policy/age';
import type { CasePolicy } from '../policy/case-policy';
import { isEligibleForProgramme, medicalCoverageShare } from '../policy/eligibility';
import type { EndProgramme, EnrollInProgramme } from './case.commands';
import type { ProgrammeEnded, ProgrammeEnrolled } from './case.events';
import type { CaseState } from './case.state';
import { requireActive, requireCase, runningProgrammes } from './case-status';
import { checkDateOfCase } from './case-checks';

/**
 * "Enrolled (纳入保障) into one or more programmes, each from an effective date".
 * One-off programmes (TEMPORARY_ASSISTANCE) require an amount and may be fast-tracked; every other
 * programme refuses an amount and a fast track (BAD_USER_INPUT on `amount` / `fastTrack`), since
 * "先行救助" is defined for temporary assistance only. One-offs may be granted again (another
 * emergency); a recurring programme already running is refused.
 */
export function enrollInProgramme(
  command: EnrollInProgramme,
  state: CaseState,
  policy: CasePolicy,
): ProgrammeEnrolled[] {
  const file = requireActive(state, command.caseId, command.type);
  const { programme, effectiveFrom, fastTrack, amountFen } = command.data;
  const checks = new FieldChecks();
  const known = checks.check(
    isOneOf(PROGRAMMES, programme),
    'programme',
    MESSAGES.oneOf(PROGRAMMES),
  );
  // an effective date may lie ahead (enrolled from next month), but not before the case existed
  checkDateOfCase(checks, effectiveFrom, 'effectiveFrom', file);
  checks.check(
    fastTrack === undefined || fastTrack === null || typeof fastTrack === 'boolean',
    'fastTrack',
    MESSAGES.boolean,
  );
  const oneOff = known && policy.oneOffProgrammes.includes(programme);
  const hasAmount = amountFen !== undefined && amountFen !== null;
  if (oneOff && !hasAmount) checks.check(false, 'amount', MESSAGES.required);
  else if (oneOff) checks.check(isFen(amountFen, 1), 'amount', MESSAGES.positiveAmount);
  else checks.check(!hasAmount, 'amount', 'only one-off programmes take an amount');
  if (known && fastTrack === true)
    checks.check(
      policy.fastTrackProgrammes.includes(programme),
      'fastTrack',
      'only temporary assistance may be fast-tracked',
    );
  // "protection ends on the 18th birthday, unless ... extended"
  if (file.status !== 'EXTENDED' && checks.ok)
    checks.check(
      effectiveFrom < eighteenthBirthday(file.birthDate, policy.ageOfMajority),
      'effectiveFrom',
      'is on or after the 18th birthday',
    );
  checks.throwIfAny();

  if (!oneOff && runningProgrammes(file).some((p) => p.programme === programme))
    throw new IllegalTransition(command.type, file.status, 'the programme is already running');
  if (!isEligibleForProgramme(programme, file.categories, policy))
    throw new NotEligible(programme, "the child's categories do not open this programme");

  const share =
    programme === 'MEDICAL_ASSISTANCE' ? medicalCoverageShare(file.categories, policy) : null;
  return [
    {
      type: 'ProgrammeEnrolled',
      data: {
        programme,
        effectiveFrom,
        fastTrack: fastTrack === true,
        ...(oneOff ? { amountFen: amountFen as number } : {}),
        ...(share !== null ? { coverageSharePercent: share } : {}),
      },
    },
  ];
}

/** Ends a running recurring programme; allowed on a closed case too (tidying up after closure). */
export function endProgramme(command: EndProgramme, state: CaseState): ProgrammeEnded[] {
  const file = requireCase(state, command.caseId);
  const { programme, effectiveTo, reason } = command.data;
  const checks = new FieldChecks();
  checks.check(isOneOf(PROGRAMMES, programme), 'programme', MESSAGES.oneOf(PROGRAMMES));
  const running = runningProgrammes(file).find((p) => p.programme === programme);
  if (checks.date(effectiveTo, 'effectiveTo') && running !== undefined)
    checks.check(effectiveTo >= running.from, 'effectiveTo', 'is before the programme started');
  checks.text(reason, 'reason', TEXT_LIMITS.reason);
  checks.throwIfAny();
  if (running === undefined)
    throw new IllegalTransition(command.type, file.status, 'the programme is not running');
  return [{ type: 'ProgrammeEnded', data: { programme, effectiveTo, reason: reason.trim() } }];
}

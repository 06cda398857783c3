import { businessDateOf, isValidDateTime } from '../shared/dates';
import { EDUCATION_LEVELS, isOneOf } from '../shared/enums';
import { IllegalTransition } from '../shared/errors';
import { MESSAGES } from '../shared/messages';
import { FieldChecks } from '../shared/validation';
import type { RecordEducation, RecordGraduation } from './case.commands';
import type { EducationRecorded, GraduationRecorded } from './case.events';
import type { CaseState } from './case.state';
import { requireActive } from './case-status';
import { checkCaseDate, checkCaseDateTime } from './case-checks';

// "Education recorded: level and whether full-time (needed for the age-out rule)"
export function recordEducation(command: RecordEducation, state: CaseState): EducationRecorded[] {
  const file = requireActive(state, command.caseId, command.type);
  const d = command.data;
  const checks = new FieldChecks();
  checks.check(isOneOf(EDUCATION_LEVELS, d.level), 'level', MESSAGES.oneOf(EDUCATION_LEVELS));
  checks.check(typeof d.fullTime === 'boolean', 'fullTime', MESSAGES.boolean);
  const recorded = checkCaseDateTime(checks, d.recordedAt, 'recordedAt', file, command.now);
  const expected = d.expectedGraduation;
  if (
    expected !== undefined &&
    expected !== null &&
    checkCaseDate(checks, expected, 'expectedGraduation', file)
  ) {
    // an expected graduation lies ahead of the day it is recorded: a past one is a graduation
    const recordedOn = isValidDateTime(d.recordedAt) ? businessDateOf(d.recordedAt) : null;
    if (recorded && recordedOn !== null)
      checks.check(
        expected >= recordedOn,
        'expectedGraduation',
        'is before the day it was recorded',
      );
  }
  checks.throwIfAny();
  return [
    {
      type: 'EducationRecorded',
      data: {
        level: d.level,
        fullTime: d.fullTime,
        expectedGraduation: d.expectedGraduation ?? null,
        recordedAt: d.recordedAt,
      },
    },
  ];
}

/**
 * "On graduation from extended protection a one-off grant ... and protection ends": the grant and
 * the end come from the age-out review; this only records the fact, for a case in extended
 * protection, once per course of study (a minor who finishes school records the education that
 * follows instead: protection then runs to the 18th birthday).
 */
export function recordGraduation(
  command: RecordGraduation,
  state: CaseState,
): GraduationRecorded[] {
  const file = requireActive(state, command.caseId, command.type);
  if (file.status !== 'EXTENDED')
    throw new IllegalTransition(command.type, file.status, 'not in extended protection');
  if (file.graduation !== null)
    throw new IllegalTransition(command.type, file.status, 'graduation already recorded');
  const { graduatedOn } = command.data;
  const checks = new FieldChecks();
  if (checks.pastDate(graduatedOn, 'graduatedOn', command.now))
    checks.check(
      graduatedOn >= file.extension.from,
      'graduatedOn',
      'is before protection was extended',
    );
  checks.throwIfAny();
  return [{ type: 'GraduationRecorded', data: { graduatedOn } }];
}

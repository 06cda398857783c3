import { businessDateOf } from '../shared/dates';
import { EDUCATION_LEVELS, isOneOf } from '../shared/enums';
import { IllegalTransition } from '../shared/errors';
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
  checks.check(isOneOf(EDUCATION_LEVELS, d.level), 'level', 'unknown education level');
  checks.check(typeof d.fullTime === 'boolean', 'fullTime', 'must be true or false');
  if (d.expectedGraduation !== undefined && d.expectedGraduation !== null)
    checkCaseDate(checks, d.expectedGraduation, 'expectedGraduation', file);
  checkCaseDateTime(checks, d.recordedAt, 'recordedAt', file, businessDateOf(command.now));
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
 * the end come from the age-out review; this only records the fact. Only a child in extended
 * protection or in full-time education can graduate, once per course of study.
 */
export function recordGraduation(
  command: RecordGraduation,
  state: CaseState,
): GraduationRecorded[] {
  const file = requireActive(state, command.caseId, command.type);
  const inEducation = file.education !== null && file.education.fullTime;
  if (file.status !== 'EXTENDED' && !inEducation)
    throw new IllegalTransition(command.type, file.status, 'not in extended protection or study');
  if (file.graduation !== null)
    throw new IllegalTransition(command.type, file.status, 'graduation already recorded');
  const { graduatedOn } = command.data;
  const checks = new FieldChecks();
  if (checkCaseDate(checks, graduatedOn, 'graduatedOn', file)) {
    checks.check(graduatedOn <= businessDateOf(command.now), 'graduatedOn', 'is in the future');
    if (file.extension !== null)
      checks.check(
        graduatedOn >= file.extension.from,
        'graduatedOn',
        'is before protection was extended',
      );
  }
  checks.throwIfAny();
  return [{ type: 'GraduationRecorded', data: { graduatedOn } }];
}

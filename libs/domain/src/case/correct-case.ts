import { businessDateOf } from '../shared/dates';
import { CORRECTABLE_FIELDS, isOneOf, type CorrectableField } from '../shared/enums';
import { IllegalTransition } from '../shared/errors';
import { TEXT_LIMITS } from '../shared/limits';
import { MESSAGES } from '../shared/messages';
import { FieldChecks } from '../shared/validation';
import {
  birthDateFromIdNumber,
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberProblem,
  normalizeIdNumber,
} from '../identity/id-number';
import type { CorrectCase } from './case.commands';
import type { CaseCorrected } from './case.events';
import type { CaseFile, CaseState } from './case.state';
import { requireCase } from './case-status';

/**
 * "Nothing is ever edited: corrections are new events" naming the field, the old and new value,
 * why, and which revision they correct. A corrected ID number whose birth date differs corrects
 * the birth date too (the birth date is taken from the ID number). Allowed in every status: the
 * record of a closed case can be wrong as well.
 */
export function correctCase(command: CorrectCase, state: CaseState): CaseCorrected[] {
  const file = requireCase(state, command.caseId);
  if (file.erased)
    throw new IllegalTransition(command.type, file.status, 'its personal information was erased');
  const { field, reason, correctsRevision } = command.data;
  const to =
    typeof command.data.to !== 'string'
      ? command.data.to
      : field === 'idNumber'
        ? normalizeIdNumber(command.data.to)
        : command.data.to.trim();
  const checks = new FieldChecks();
  const known = checks.check(
    isOneOf(CORRECTABLE_FIELDS, field),
    'field',
    MESSAGES.oneOf(CORRECTABLE_FIELDS),
  );
  checks.text(reason, 'reason', TEXT_LIMITS.reason);
  checks.check(
    Number.isSafeInteger(correctsRevision) && correctsRevision >= 0,
    'correctsRevision',
    MESSAGES.revision,
  );
  if (known) checkValue(checks, field, to, command.now, file);
  checks.throwIfAny();

  const from = currentValue(file, field);
  if (from === to) throw new IllegalTransition(command.type, file.status, 'the value is unchanged');
  const base = { reason: reason.trim(), correctsRevision, correctedAt: command.now };
  const events: CaseCorrected[] = [{ type: 'CaseCorrected', data: { field, from, to, ...base } }];
  if (field === 'idNumber') {
    const birthDate = birthDateFromIdNumber(to);
    if (birthDate !== file.birthDate)
      events.push({
        type: 'CaseCorrected',
        data: { field: 'birthDate', from: file.birthDate, to: birthDate, ...base },
      });
  }
  return events;
}

function checkValue(
  checks: FieldChecks,
  field: CorrectableField,
  to: string,
  now: string,
  file: CaseFile,
) {
  switch (field) {
    case 'birthDate':
      // "birth date in characters 7-14": a birth date is corrected through the ID number
      if (checks.pastDate(to, 'to', now))
        checks.check(
          file.child.idNumber !== null && to === birthDateFromIdNumber(file.child.idNumber),
          'to',
          'contradicts characters 7-14 of the ID number (correct the ID number instead)',
        );
      return;
    case 'idNumber': {
      const problem = idNumberProblem(to, businessDateOf(now));
      checks.check(problem === null, 'to', problem ? ID_NUMBER_PROBLEM_MESSAGES[problem] : '');
      return;
    }
    case 'name':
      checks.text(to, 'to', TEXT_LIMITS.childName);
      return;
  }
}

function currentValue(file: CaseFile, field: CorrectableField): string | null {
  switch (field) {
    case 'birthDate':
      return file.birthDate;
    case 'idNumber':
      return file.child.idNumber;
    case 'name':
      return file.child.name;
  }
}

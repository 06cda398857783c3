import type { CaseFile, CaseState, ExistingCase, ProgrammeEntry } from './case.state';
import { IllegalTransition, NotFound } from '../shared/errors';
import type { CaseStatus } from '../shared/enums';

/** Recurring programmes not yet ended (one-off grants are never "running"). */
export function runningProgrammes(file: Pick<CaseFile, 'programmes'>): ProgrammeEntry[] {
  return file.programmes.filter((p) => !p.oneOff && p.to === null);
}

// "Reopen returns the case to the status it would have from its history"
export function statusFromHistory(file: CaseFile): Exclude<CaseStatus, 'CLOSED'> {
  if (file.protectionEnd !== null) return 'AGED_OUT';
  if (file.extension !== null) return 'EXTENDED';
  if (runningProgrammes(file).length > 0) return 'ENROLLED';
  return file.riskLevel !== null ? 'ASSESSED' : 'IDENTIFIED';
}

/**
 * The state as the union wants it: status from the file unless closed. A file that already
 * carries the status it has (an event that did not move it) is that state: folding an event
 * then copies the file once, not twice.
 */
export function withStatus(file: CaseFile): ExistingCase {
  const status = file.closure !== null ? 'CLOSED' : statusFromHistory(file);
  if ((file as Partial<ExistingCase>).status === status) return file as ExistingCase;
  if (status === 'CLOSED') return { ...file, status, closure: file.closure! };
  if (status === 'AGED_OUT') return { ...file, status, protectionEnd: file.protectionEnd! };
  if (status === 'EXTENDED') return { ...file, status, extension: file.extension! };
  return { ...file, status };
}

/** The case must exist: an unknown case is NOT_FOUND, never a silent no-op. */
export function requireCase(state: CaseState, caseId: string): ExistingCase {
  if (state.status === 'NONE') throw new NotFound('case', caseId);
  return state;
}

/** Protection still running: not closed, not aged out. */
export function requireActive(state: CaseState, caseId: string, command: string): ExistingCase {
  const existing = requireCase(state, caseId);
  if (existing.status === 'CLOSED' || existing.status === 'AGED_OUT')
    throw new IllegalTransition(command, existing.status, 'the case is no longer open');
  return existing;
}

/**
 * Whether the case holds the reservation of `idNumber` (one open case per ID number): it exists,
 * is not closed, and carries that number. An aged-out case keeps its number until it is closed.
 */
export function holdsIdNumber(state: CaseState, idNumber: string): boolean {
  return state.status !== 'NONE' && state.status !== 'CLOSED' && state.child.idNumber === idNumber;
}

/** The ID numbers the case holds: none, or its own. */
export function heldIdNumbers(state: CaseState): string[] {
  return state.status === 'NONE' || state.status === 'CLOSED' || state.child.idNumber === null
    ? []
    : [state.child.idNumber];
}

import {
  initialCaseState,
  ValidationFailed,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from '@app/domain';
import type { Decider } from '@app/domain';
import { BadUserInput, type FieldError } from '@app/runtime/errors/app-errors';
import { mergeProblems } from '../validation/input-problems';

type CaseDecider = Decider<CaseState, CaseCommand, CaseEvent>;

/** The fields a check refuses (ValidationFailed or BadUserInput); any other outcome names none. */
export async function refusedFields(check: () => unknown): Promise<FieldError[]> {
  try {
    await check();
    return [];
  } catch (error) {
    return error instanceof ValidationFailed || error instanceof BadUserInput ? error.fields : [];
  }
}

/**
 * The refusal of an input its DTO already refused: those fields, then every other field the
 * domain refuses on the case as it is, so one answer names them all. Nothing is written or
 * reserved. The case's own rules are consulted only when the caller may act on it (a guarded decider
 * throws FORBIDDEN or NOT_FOUND first); otherwise the DTO's fields are the answer.
 */
export async function inputRefusal(
  problems: FieldError[],
  command: CaseCommand,
  state: CaseState,
  decider: CaseDecider,
  extraChecks: (() => unknown)[] = [],
): Promise<BadUserInput> {
  const start = command.type === 'IdentifyChild' ? initialCaseState() : state;
  if (state.status === 'NONE' && command.type !== 'IdentifyChild')
    return new BadUserInput(problems);
  try {
    decider.decide(command, start);
  } catch (error) {
    if (!(error instanceof ValidationFailed)) return new BadUserInput(problems);
    const more = await Promise.all(extraChecks.map(refusedFields));
    return new BadUserInput(mergeProblems(problems, error.fields, ...more));
  }
  const more = await Promise.all(extraChecks.map(refusedFields));
  return new BadUserInput(mergeProblems(problems, ...more));
}

import type { FieldError } from '@app/runtime/errors/app-errors';

/**
 * The DTO's refusals of a mutation input whose rules also depend on the case (see
 * `DefersValidation`): carried on the input (a symbol key survives `{ caseId, ...data }`), so the
 * command service can name them together with the fields the case refuses, before doing anything.
 */
export const INPUT_PROBLEMS = Symbol('input problems');

type WithProblems = { [INPUT_PROBLEMS]?: FieldError[] };

export function inputProblemsOf(data: unknown): FieldError[] {
  return (data as WithProblems | null)?.[INPUT_PROBLEMS] ?? [];
}

export function withInputProblems<T extends object>(input: T, problems: FieldError[]): T {
  (input as WithProblems)[INPUT_PROBLEMS] = problems;
  return input;
}

/** The first list, then the fields of the others it does not name yet (one message per field). */
export function mergeProblems(...lists: readonly FieldError[][]): FieldError[] {
  const merged: FieldError[] = [];
  for (const problem of lists.flat())
    if (!merged.some((p) => p.field === problem.field)) merged.push(problem);
  return merged;
}

const DEFERS = Symbol('defers validation');

/** Marks an input class whose refusals wait for the case's own (see INPUT_PROBLEMS). */
export function DefersValidation(): ClassDecorator {
  return (target) => {
    (target as unknown as Record<symbol, boolean>)[DEFERS] = true;
  };
}

export function defersValidation(metatype: unknown): boolean {
  return (
    typeof metatype === 'function' &&
    (metatype as unknown as Record<symbol, boolean>)[DEFERS] === true
  );
}

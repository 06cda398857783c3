import { ValidationFailed } from '@app/domain';
import { BadUserInput } from '@app/runtime/errors/app-errors';

/**
 * A refusal's bad fields named by where they sit in the GraphQL arguments: `input.identifiedAt`
 * for a field of the `input` argument. Other errors pass through as they are.
 */
export function underArgument(error: unknown, argument: string): unknown {
  if (!(error instanceof BadUserInput) && !(error instanceof ValidationFailed)) return error;
  const prefix = `${argument}.`;
  return new BadUserInput(
    error.fields.map((f) => (f.field.startsWith(prefix) ? f : { ...f, field: prefix + f.field })),
  );
}

/** Runs a mutation whose input is its `argument`, naming refused fields under it. */
export async function withArgumentPaths<T>(argument: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw underArgument(error, argument);
  }
}

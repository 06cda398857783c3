/** An event a projection cannot apply: the projector stops on it rather than skip it. */
export class UnhandledEvent extends Error {
  override readonly name = 'UnhandledEvent';
}

/** The error's text for logs and /health: our own messages, or only the kind of anything else. */
export function describeError(error: unknown): string {
  if (error instanceof UnhandledEvent) return error.message;
  if (error instanceof Error) {
    // other messages may quote event data (a JSON snippet, a value): name the kind only
    const known = 'code' in error && typeof error.code === 'string';
    return known ? `${error.name}: ${error.message}` : error.name;
  }
  return 'unknown error';
}

/**
 * What the server logs of an unexpected error: its type, what a database error says of itself
 * without values (SQLSTATE code, constraint, table) and where it was thrown. Not its message nor
 * a database error's detail: either may quote the value it failed on, a name or an ID number
 * (`Key (id_number)=(…) already exists`).
 */
export function internalErrorLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, constraint, table } = error as Error & { [field: string]: unknown };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  return {
    type: error.name,
    ...(typeof code === 'string' && { code }),
    ...(typeof constraint === 'string' && { constraint }),
    ...(typeof table === 'string' && { table }),
    frames,
  };
}

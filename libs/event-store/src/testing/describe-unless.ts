/** How a suite that cannot run here marks its title; the jest reporter (tools/jest) collects it. */
export const skippedBecause = (reason: string) => `[skipped: ${reason}]`;

/**
 * `describe` when `missing` is null; otherwise the same suite as `describe.skip`, so Jest counts
 * every one of its tests as skipped (not passed), with the reason in its title and in one line at
 * the end of the run (tools/jest/skip-reasons-reporter.js).
 */
export function describeUnless(missing: string | null, name: string, body: () => void): void {
  if (missing === null) describe(name, body);
  else describe.skip(`${name} ${skippedBecause(missing)}`, body);
}

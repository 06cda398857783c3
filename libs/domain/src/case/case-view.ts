/** The event stream of a case. Never built from personal information. */
export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}

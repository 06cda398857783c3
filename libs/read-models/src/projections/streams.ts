/** Stream names the read models consume (the writers name them the same way). */
export const CASE_STREAM_PREFIX = 'case-';
export const STANDARD_STREAM_PREFIX = 'benefit-standard-';

export function caseIdOfStream(streamId: string): string | null {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : null;
}

export const isStandardStream = (streamId: string): boolean =>
  streamId.startsWith(STANDARD_STREAM_PREFIX);

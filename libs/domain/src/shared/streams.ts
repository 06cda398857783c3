/**
 * The names of the streams, defined once for writers and readers alike: a drift between them would
 * make the projections skip streams silently. Stream names carry ids and codes, never personal
 * information.
 */

/** One stream per child's case: `case-<caseId>`. */
export const CASE_STREAM_PREFIX = 'case-';
/** One stream per region and category: `benefit-standard-<region>-<category>`. */
export const STANDARD_STREAM_PREFIX = 'benefit-standard-';
/** One stream per issued payment roll. */
export const PAYMENT_ROLL_STREAM_PREFIX = 'payment-roll-';
/** One stream per reserved ID number, named by its keyed hash: `idres-<hmac>`. */
export const RESERVATION_STREAM_PREFIX = 'idres-';
/** One stream per agency Idempotency-Key (hashed). */
export const AGENCY_KEY_STREAM_PREFIX = 'agency-key-';

export const caseStreamId = (caseId: string): string => `${CASE_STREAM_PREFIX}${caseId}`;

export function caseIdOfStream(streamId: string): string | null {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : null;
}

export const isStandardStream = (streamId: string): boolean =>
  streamId.startsWith(STANDARD_STREAM_PREFIX);

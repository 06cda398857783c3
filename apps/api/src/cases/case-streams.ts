import { createHmac } from 'node:crypto';

/** Stream names carry ids and keyed hashes only, never a name or an ID number. */
export const CASE_STREAM_PREFIX = 'case-';

export { caseStreamId as caseStream } from '@app/domain';

export const caseIdOfStream = (streamId: string): string | null =>
  streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : null;

export const RESERVATION_PREFIX = 'idres-';

export const reservationStream = (identityKey: string, idNumber: string): string =>
  `${RESERVATION_PREFIX}${createHmac('sha256', identityKey).update(idNumber.trim().toUpperCase()).digest('hex')}`;

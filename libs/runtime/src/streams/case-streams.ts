import { createHmac } from 'node:crypto';
import { RESERVATION_STREAM_PREFIX } from '@app/domain';

/** Stream names carry ids and keyed hashes only, never a name or an ID number. */
export { caseStreamId as caseStream, caseIdOfStream, CASE_STREAM_PREFIX } from '@app/domain';

export const reservationStream = (identityKey: string, idNumber: string): string =>
  `${RESERVATION_STREAM_PREFIX}${createHmac('sha256', identityKey).update(idNumber.trim().toUpperCase()).digest('hex')}`;

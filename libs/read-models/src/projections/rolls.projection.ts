import {
  isRegionPrefix,
  isValidMonth,
  PAYMENT_ROLL_STREAM_PREFIX,
  type PaymentRollIssued,
} from '@app/domain';
import type { IssuedRollRecord } from '../read-model-store.port';
import type { ProjectedEvent } from './streams';
import { UnhandledEvent } from './unhandled-event';

export const PAYMENT_ROLLS = 'payment-rolls';

export const isPaymentRollStream = (streamId: string): boolean =>
  streamId.startsWith(PAYMENT_ROLL_STREAM_PREFIX);

/**
 * The rows of an issued roll: the roll and its frozen lines, each line with the roll's time of
 * issue (so "as known at" filters lines without a join). Pure.
 */
export function issuedRollRecord(event: ProjectedEvent): IssuedRollRecord {
  if (event.type !== 'PaymentRollIssued')
    throw new UnhandledEvent(`unknown payment roll event type ${event.type}`);
  const data = (event.data ?? {}) as Partial<PaymentRollIssued['data']>;
  const { regionCode, month, issuedAt, lines, totalFen } = data;
  const issued = typeof issuedAt === 'string' ? Date.parse(issuedAt) : NaN;
  if (
    !isRegionPrefix(regionCode) ||
    !isValidMonth(month) ||
    Number.isNaN(issued) ||
    !Array.isArray(lines) ||
    typeof totalFen !== 'number'
  )
    throw new UnhandledEvent('PaymentRollIssued with malformed data');
  const at = new Date(issued).toISOString();
  return {
    roll: { regionCode, month, issuedAt: at, totalFen, lineCount: lines.length },
    lines: lines.map((line, seq) => ({
      ...line,
      month,
      rollRegionCode: regionCode,
      seq,
      issuedAt: at,
    })),
  };
}

import { formatYuan } from '@app/domain';
import type { PaymentFileLine } from '../heavy-reads/roll-worker-protocol';

/** The columns of the payment office's file, in order (docs/exports.md names each). */
export const PAYMENT_FILE_COLUMNS = [
  'caseId',
  'name',
  'idNumber',
  'regionCode',
  'programme',
  'reason',
  'forMonth',
  'amount',
] as const;

/** One line's fields as text, amount in yuan ("1978.00", clawbacks negative). */
export function paymentFileFields(line: PaymentFileLine): string[] {
  return [
    line.caseId,
    line.name,
    line.idNumber,
    line.regionCode,
    line.programme,
    line.reason,
    line.forMonth,
    formatYuan(line.amountFen),
  ];
}

/** The trailer's text: the total, the lines and the children, the roll's prefix and month. */
export function paymentFileTotal(roll: {
  regionCode: string;
  month: string;
  count: number;
  children: number;
  totalFen: number;
}): string {
  return `TOTAL ${formatYuan(roll.totalFen)} yuan in ${roll.count} lines for ${roll.children} children (${roll.regionCode} ${roll.month})`;
}

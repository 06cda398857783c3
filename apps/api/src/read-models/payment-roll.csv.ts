import type { PaymentRoll } from './graphql/read-model.types';

const BOM = '\uFEFF';
const HEADER = ['caseId', 'regionCode', 'programme', 'reason', 'forMonth', 'amount'];

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The roll as CSV for Excel: UTF-8 with a BOM, CRLF lines, one line per payment. The last line is
 * a trailer with the total as text in the first column and every other column empty, so summing
 * the amount column gives the total once. Case ids only: no names or ID numbers leave in a file.
 */
export function paymentRollCsv(roll: PaymentRoll): string {
  const trailer = `TOTAL ${roll.total} yuan in ${roll.count} lines (${roll.regionCode} ${roll.month})`;
  const rows = [
    HEADER,
    ...roll.lines.map((l) => [l.caseId, l.regionCode, l.programme, l.reason, l.forMonth, l.amount]),
    [trailer, ...HEADER.slice(1).map(() => '')],
  ];
  return BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

import type { PaymentRoll } from './graphql/read-model.types';

const BOM = '\uFEFF';
const HEADER = ['caseId', 'regionCode', 'programme', 'reason', 'amount'];

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The roll as CSV for Excel: UTF-8 with a BOM, CRLF lines, one line per payment and a last line
 * with the total. Case ids only: no names or ID numbers leave in a file.
 */
export function paymentRollCsv(roll: PaymentRoll): string {
  const rows = [
    HEADER,
    ...roll.lines.map((l) => [l.caseId, l.regionCode, l.programme, l.reason, l.amount]),
    ['TOTAL', roll.regionCode, roll.month, String(roll.count), roll.total],
  ];
  return BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

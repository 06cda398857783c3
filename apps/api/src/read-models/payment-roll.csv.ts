import { formatYuan } from '@app/domain';
import type { RollLine } from '@app/read-models';

const BOM = '\uFEFF';
const HEADER = ['caseId', 'regionCode', 'programme', 'reason', 'amount'];

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const row = (fields: string[]) => fields.map(field).join(',') + '\r\n';

/**
 * The roll as CSV for Excel: UTF-8 with a BOM, CRLF lines, one line per payment and a last line
 * with the total. Case ids only: no names or ID numbers leave in a file. In pieces: the header,
 * the lines a slice at a time, then the total, so a province's roll streams out as it is written.
 */
export const paymentRollCsv = {
  head: (): string => BOM + row(HEADER),
  lines: (lines: readonly RollLine[]): string =>
    lines
      .map((l) => row([l.caseId, l.regionCode, l.programme, l.reason, formatYuan(l.amountFen)]))
      .join(''),
  total: (roll: { regionCode: string; month: string; count: number; totalFen: number }): string =>
    row(['TOTAL', roll.regionCode, roll.month, String(roll.count), formatYuan(roll.totalFen)]),
};

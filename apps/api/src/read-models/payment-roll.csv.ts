import { formatYuan, type RollLine } from '@app/domain';

const BOM = '\uFEFF';
const HEADER = ['caseId', 'regionCode', 'programme', 'reason', 'forMonth', 'amount'];

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const row = (fields: string[]) => fields.map(csvField).join(',') + '\r\n';

/**
 * The roll as CSV for Excel: UTF-8 with a BOM, CRLF lines, one line per payment (clawbacks
 * negative). The last line is a trailer with the total as text in the first column and every
 * other column empty, so summing the amount column gives the total once. Case ids only: no names
 * or ID numbers leave in a file. In pieces: the header, the lines a slice at a time, then the
 * trailer, so a province's roll streams out as it is written.
 */
export const paymentRollCsv = {
  head: (): string => BOM + row(HEADER),
  lines: (lines: readonly RollLine[]): string =>
    lines
      .map((l) =>
        row([l.caseId, l.regionCode, l.programme, l.reason, l.forMonth, formatYuan(l.amountFen)]),
      )
      .join(''),
  total: (roll: { regionCode: string; month: string; count: number; totalFen: number }): string =>
    row([
      `TOTAL ${formatYuan(roll.totalFen)} yuan in ${roll.count} lines (${roll.regionCode} ${roll.month})`,
      ...HEADER.slice(1).map(() => ''),
    ]),
};

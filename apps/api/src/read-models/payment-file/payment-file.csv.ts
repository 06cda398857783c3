import { csvField } from '../payment-roll.csv';
import type { PaymentFileLine } from '../heavy-reads/roll-worker-protocol';
import { PAYMENT_FILE_COLUMNS, paymentFileFields } from './payment-file.columns';

const BOM = '\uFEFF';
const NAME = PAYMENT_FILE_COLUMNS.indexOf('name');

/**
 * A name a spreadsheet would take for a formula (=, +, -, @, tab, CR first) is written after a
 * single quote: opening the file never runs what someone typed as a child's name.
 */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const row = (fields: string[]) =>
  fields.map((f, i) => csvField(i === NAME ? inert(f) : f)).join(',') + '\r\n';

/**
 * The payment office's file as CSV for Excel: UTF-8 with a BOM, CRLF lines, one line per payment
 * with the child's name and ID number, then a trailer with the total as text in the first column
 * (summing the amount column gives the total once). In pieces, as the roll's CSV.
 */
export const paymentFileCsv = {
  head: (): string => BOM + row([...PAYMENT_FILE_COLUMNS]),
  lines: (lines: readonly PaymentFileLine[]): string =>
    lines.map((l) => row(paymentFileFields(l))).join(''),
  total: (text: string): string => row([text, ...PAYMENT_FILE_COLUMNS.slice(1).map(() => '')]),
};

import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PaymentFileLine } from '../heavy-reads/roll-worker-protocol';
import { PAYMENT_FILE_COLUMNS, paymentFileFields } from './payment-file.columns';

const WIDTHS: Record<(typeof PAYMENT_FILE_COLUMNS)[number], number> = {
  caseId: 38,
  name: 16,
  idNumber: 21,
  regionCode: 14,
  programme: 26,
  reason: 18,
  forMonth: 10,
  amount: 12,
};
const AMOUNT = PAYMENT_FILE_COLUMNS.indexOf('amount');

export type PaymentFileSummary = {
  regionCode: string;
  month: string;
  count: number;
  children: number;
  totalFen: number;
  issuedAt: string | null;
  total: string;
};

/**
 * The payment office's file as an .xlsx workbook, through exceljs's streaming writer: sheet
 * `payments` has one row per payment (the columns of the CSV; the ID number as text, so no digit
 * is lost to a number format; the amount a number in yuan, two decimals); sheet `summary` the
 * roll's prefix, month, issue, count, children and total. Rows are written as `slices` yields
 * them, each slice after `beforeSlice` has resolved (the access log), and the zip streams out as
 * it is written. The returned stream errors if a slice or the log fails: no file without its log.
 */
export function paymentFileXlsx(
  summary: PaymentFileSummary,
  slices: AsyncIterable<PaymentFileLine[]>,
  beforeSlice: (lines: PaymentFileLine[]) => Promise<void>,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const write = async () => {
    const sheet = workbook.addWorksheet('payments', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = PAYMENT_FILE_COLUMNS.map((key) => ({ header: key, key, width: WIDTHS[key] }));
    sheet.getColumn(AMOUNT + 1).numFmt = '0.00';
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const lines of slices) {
      await beforeSlice(lines);
      for (const line of lines) {
        const fields: (string | number)[] = paymentFileFields(line);
        fields[AMOUNT] = line.amountFen / 100;
        sheet.addRow(fields).commit();
      }
    }
    sheet.commit();
    const about = workbook.addWorksheet('summary');
    about.columns = [
      { header: 'field', key: 'field', width: 12 },
      { header: 'value', key: 'value', width: 60 },
    ];
    const rows: [string, string | number][] = [
      ['regionCode', summary.regionCode],
      ['month', summary.month],
      ['issuedAt', summary.issuedAt ?? 'not issued'],
      ['lines', summary.count],
      ['children', summary.children],
      ['total', summary.totalFen / 100],
      ['note', summary.total],
    ];
    for (const [field, value] of rows) about.addRow({ field, value }).commit();
    about.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

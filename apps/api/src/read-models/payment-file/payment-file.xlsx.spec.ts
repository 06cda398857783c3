import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { PaymentFileLine } from '../heavy-reads/roll-worker-protocol';
import { paymentFileXlsx } from './payment-file.xlsx';

const line = (i: number): PaymentFileLine => ({
  caseId: `case-${String(i).padStart(5, '0')}`,
  name: `测试${i}`,
  idNumber: `37030320120510${String(i % 1000).padStart(3, '0')}X`,
  regionCode: '370303001001',
  programme: 'BASIC_LIVING_ALLOWANCE',
  reason: i % 7 === 0 ? 'CLAWBACK' : 'MONTHLY',
  forMonth: '2026-06',
  amountFen: i % 7 === 0 ? -197801 : 210099,
});

const summary = (count: number, totalFen: number) => ({
  regionCode: '3703',
  month: '2026-06',
  count,
  children: count,
  totalFen,
  issuedAt: null,
  total: 'TOTAL',
});

async function* slicesOf(lines: PaymentFileLine[], size: number) {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size);
}

const bytesOf = async (stream: Readable): Promise<ArrayBuffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks)).buffer;
};

describe('the payment file as a streamed .xlsx workbook', () => {
  it('holds every line of every slice, amounts to the fen, after each slice was logged', async () => {
    const lines = Array.from({ length: 4500 }, (_, i) => line(i));
    const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
    const logged: number[] = [];
    const stream = paymentFileXlsx(summary(lines.length, totalFen), slicesOf(lines, 2000), (s) => {
      logged.push(s.length);
      return Promise.resolve();
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await bytesOf(stream));
    expect(logged).toEqual([2000, 2000, 500]);
    const sheet = workbook.getWorksheet('payments')!;
    expect(sheet.rowCount).toBe(4501);
    let fen = 0;
    sheet.eachRow((row, i) => {
      if (i === 1) return;
      fen += Math.round((row.getCell(8).value as number) * 100);
      expect(row.getCell(3).value).toBe(lines[i - 2].idNumber);
    });
    expect(fen).toBe(totalFen);
  });

  it('fails the download when the access log fails: no file without its log', async () => {
    const stream = paymentFileXlsx(summary(3, 0), slicesOf([line(1), line(2), line(3)], 2), (s) =>
      s.length === 1 ? Promise.reject(new Error('log down')) : Promise.resolve(),
    );
    await expect(bytesOf(stream)).rejects.toThrow('log down');
  });
});

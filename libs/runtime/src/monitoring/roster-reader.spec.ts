import { Readable } from 'node:stream';
import fc from 'fast-check';
import { RosterReader } from './roster-reader';

const HEADER = 'id_number,name,region_code\n';

/** Reads `bytes` cut into the given chunk sizes; resolves to the records or the error's fields. */
async function read(bytes: Buffer, cuts: number[] = []) {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const cut of cuts) {
    if (cut <= at || cut >= bytes.length) continue;
    chunks.push(bytes.subarray(at, cut));
    at = cut;
  }
  chunks.push(bytes.subarray(at));
  const reader = new RosterReader(Readable.from(chunks), 3);
  try {
    const records = [];
    for await (const batch of reader.batches()) records.push(...batch);
    return { records, file: reader.file() };
  } catch (error) {
    return { error: (error as { fields?: unknown }).fields };
  }
}

describe('RosterReader', () => {
  it('numbers records by their line in the file, header first, across a BOM and CRLF', async () => {
    const text = `\uFEFF${HEADER.replace('\n', '\r\n')}a,甲,1\r\n\r\nb,乙,2\r\n`;
    const { records } = await read(Buffer.from(text));
    expect(records).toEqual([
      { line: 2, fields: ['a', '甲', '1'] },
      { line: 4, fields: ['b', '乙', '2'] },
    ]);
  });

  it('refuses a header that does not match', async () => {
    expect((await read(Buffer.from('id,name\n1,2\n'))).error).toEqual([
      { field: 'header', message: 'must be id_number,name,region_code' },
    ]);
  });

  it('names the line where the file stops being UTF-8, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.nat({ max: 2000 }), { maxLength: 6 }),
        async (lines, badAt, cuts) => {
          const bad = Math.min(badAt, lines);
          const parts: Buffer[] = [Buffer.from(HEADER)];
          for (let line = 2; line <= lines; line++) {
            const name = line === bad ? Buffer.from([0xd5, 0xc5]) : Buffer.from('张'); // GBK 张
            parts.push(Buffer.from(`x${line},`), name, Buffer.from(',1\n'));
          }
          const result = await read(
            Buffer.concat(parts),
            [...cuts].sort((a, b) => a - b),
          );
          expect(result.error).toEqual([
            {
              field: 'encoding',
              message: `is not UTF-8 (at line ${bad}); save the file as UTF-8`,
            },
          ]);
        },
      ),
    );
  });

  it('hashes the bytes as sent, whatever the chunks', async () => {
    const bytes = Buffer.from(`${HEADER}a,甲,1\nb,乙,2\n`);
    const whole = await read(bytes);
    const cut = await read(bytes, [1, 5, 30, 31]);
    expect(cut.file).toEqual(whole.file);
    expect(whole.file?.bytes).toBe(bytes.length);
  });
});

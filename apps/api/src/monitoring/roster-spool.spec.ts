import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { BadUserInput } from '@app/runtime/errors/app-errors';
import { RosterSpool } from './roster-spool';

const HEADER = 'id_number,name,region_code\r\n';
/** the bytes sent in chunks of `size`, so checks meet lines and characters cut in two */
const body = (bytes: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    ),
  );

describe('the roster spool', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spool-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = async (bytes: Buffer, size = 7) => {
    const error = await RosterSpool.receive(body(bytes, size), dir, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadUserInput);
    // nothing left behind
    expect(readdirSync(dir)).toEqual([]);
    return (error as BadUserInput).fields;
  };

  it('keeps the bytes encrypted in a 0600 file, gives them back, hashes them as sent', async () => {
    const bytes = Buffer.from(`\uFEFF${HEADER}110101201001011234,王小明,110101001001\r\n`);
    for (const size of [1, 5, 64, 4096]) {
      const spool = await RosterSpool.receive(body(bytes, size), dir, `s${size}`);
      const [file] = readdirSync(dir);
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      const stored = readFileSync(join(dir, file));
      expect(stored.length).toBe(bytes.length);
      expect(stored.includes(Buffer.from('王小明'))).toBe(false);
      expect(stored.includes(Buffer.from('110101201001011234'))).toBe(false);
      expect(await buffer(spool.read())).toEqual(bytes);
      expect(spool.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(spool.bytes).toBe(bytes.length);
      await spool.remove();
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('refuses another encoding with the line where it stops being UTF-8', async () => {
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER}a,b,c\r\na,b,c\r\n`),
      Buffer.from([0xd5, 0xc5]),
      Buffer.from(',c\r\n'),
    ]);
    for (const size of [1, 7, 1 << 16])
      expect(await refusal(gbk, size)).toEqual([
        expect.objectContaining({ field: 'encoding', message: expect.stringContaining('line 4') }),
      ]);
  });

  it('refuses a header that does not match, and an empty body', async () => {
    expect(await refusal(Buffer.from('idcard,name\r\n1,2\r\n'))).toEqual([
      expect.objectContaining({ field: 'header' }),
    ]);
    expect(await refusal(Buffer.alloc(0))).toEqual([expect.objectContaining({ field: 'header' })]);
  });

  it('refuses a line over 4,096 characters wherever it falls in the chunks', async () => {
    const long = `${HEADER}a,b,c\r\n${'x'.repeat(5000)}\r\na,b,c\r\n`;
    for (const size of [3, 1000, 1 << 16])
      expect(await refusal(Buffer.from(long), size)).toEqual([
        expect.objectContaining({ field: 'line', message: expect.stringContaining('line 3') }),
      ]);
    expect(await refusal(Buffer.from(`${HEADER}${'y'.repeat(5000)}`), 999)).toEqual([
      expect.objectContaining({ field: 'line', message: expect.stringContaining('line 2') }),
    ]);
  });

  it('takes a header without a line break after it, and a last line without one', async () => {
    for (const text of ['id_number,name,region_code', `${HEADER}a,b,c`]) {
      const spool = await RosterSpool.receive(body(Buffer.from(text), 4), dir, 'ok');
      await spool.remove();
    }
  });
});

import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { csvFields, isRosterHeader } from '@app/domain';
import { BadUserInput } from '../errors/app-errors';

/** A data record of a roster: its line in the file (the header is line 1) and its fields. */
export type RosterRecord = { line: number; fields: string[] | null };

/** What the reader saw once the body ended: the file's SHA-256 and its size. */
export type RosterFile = { sha256: string; bytes: number };

const BOM = '\uFEFF';
/** a roster line is about 40 characters; anything this long is not one */
const MAX_LINE = 4096;

/**
 * Reads a roster as it streams in: UTF-8 (a BOM is dropped), checked strictly, so a file in
 * another encoding (GBK from Excel) is refused with the line where it stops being UTF-8; the
 * header must be `id_number,name,region_code`. Records come out in batches; memory holds one
 * batch and one partial line, whatever the file's size. The hash covers the bytes as sent.
 */
export class RosterReader {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;

  constructor(
    private readonly body: Readable,
    private readonly batchSize = 2000,
  ) {}

  async *batches(): AsyncGenerator<RosterRecord[]> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let pending = '';
    let line = 0;
    let header = false;
    let batch: RosterRecord[] = [];
    const take = (text: string): RosterRecord | null => {
      line += 1;
      const record = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (line === 1) {
        const fields = csvFields(record.startsWith(BOM) ? record.slice(1) : record);
        if (!fields || !isRosterHeader(fields))
          throw new BadUserInput([
            { field: 'header', message: 'must be id_number,name,region_code' },
          ]);
        header = true;
        return null;
      }
      if (record.trim() === '') return null;
      return { line, fields: csvFields(record) };
    };
    const notUtf8 = (at: number) =>
      new BadUserInput([
        { field: 'encoding', message: `is not UTF-8 (at line ${at}); save the file as UTF-8` },
      ]);
    // A newline byte never occurs inside a UTF-8 sequence: the chunk is decoded one line piece at
    // a time, so a failure names the line it is on (the first piece continues line `line + 1`).
    const decode = (chunk: Buffer | undefined): string => {
      if (!chunk) {
        try {
          return decoder.decode();
        } catch {
          throw notUtf8(line + 1);
        }
      }
      let text = '';
      let start = 0;
      for (let piece = 0; start < chunk.length; piece += 1) {
        const newline = chunk.indexOf(0x0a, start);
        const end = newline < 0 ? chunk.length : newline + 1;
        try {
          text += decoder.decode(chunk.subarray(start, end), { stream: true });
        } catch {
          throw notUtf8(line + 1 + piece);
        }
        start = end;
      }
      return text;
    };
    for await (const chunk of this.body as AsyncIterable<Buffer>) {
      this.hash.update(chunk);
      this.bytes += chunk.length;
      pending += decode(chunk);
      let start = 0;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
        const record = take(pending.slice(start, end));
        start = end + 1;
        if (record) batch.push(record);
        if (batch.length >= this.batchSize) {
          yield batch;
          batch = [];
        }
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE)
        throw new BadUserInput([
          { field: 'line', message: `line ${line + 1} is longer than ${MAX_LINE} characters` },
        ]);
    }
    pending += decode(undefined);
    if (pending.length > 0) {
      const record = take(pending);
      if (record) batch.push(record);
    }
    if (!header)
      throw new BadUserInput([{ field: 'header', message: 'must be id_number,name,region_code' }]);
    if (batch.length > 0) yield batch;
  }

  /** Valid once `batches` has run to its end. */
  file(): RosterFile {
    return { sha256: this.hash.copy().digest('hex'), bytes: this.bytes };
  }
}

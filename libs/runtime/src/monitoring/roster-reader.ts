import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { csvFields, isRosterHeader } from '@app/domain';
import { BadUserInput } from '../errors/app-errors';

/** How many bytes a UTF-8 character that starts with `lead` has (1 for anything else). */
const utf8Length = (lead: number): number =>
  lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;

/** The bytes at the end of `bytes` that begin a character it does not end (at most 3). */
function unfinished(bytes: Buffer): Buffer {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    if ((bytes[i] & 0xc0) === 0x80) continue;
    return utf8Length(bytes[i]) > bytes.length - i ? Buffer.from(bytes.subarray(i)) : EMPTY;
  }
  return EMPTY;
}
const EMPTY: Buffer = Buffer.alloc(0);

/**
 * Strict UTF-8, chunk by chunk, a whole chunk at a time; when one fails it is decoded again a
 * line piece at a time (a newline byte never occurs inside a UTF-8 sequence), after the bytes of
 * a character the chunk before began, so the error names the line the bad byte is on however
 * the body was cut.
 */
export class StrictUtf8 {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private carried: Buffer = EMPTY;

  /** `linesBefore`: the lines that ended before this chunk. */
  decode(chunk: Buffer | undefined, linesBefore: number): string {
    if (!chunk) {
      try {
        return this.decoder.decode();
      } catch {
        throw notUtf8(linesBefore + 1);
      }
    }
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      const end = chunk.subarray(Math.max(0, chunk.length - 4));
      this.carried = unfinished(this.carried.length ? Buffer.concat([this.carried, end]) : end);
      return text;
    } catch {
      throw notUtf8(linesBefore + 1 + badPiece(Buffer.concat([this.carried, chunk])));
    }
  }
}

/** The index of the line piece of `bytes` (pieces end after each newline) that is not UTF-8. */
function badPiece(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let piece = 0;
  for (let start = 0; start < bytes.length; piece += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    try {
      decoder.decode(bytes.subarray(start, end), { stream: true });
    } catch {
      return piece;
    }
    start = end;
  }
  return Math.max(0, piece - 1);
}

/** A data record of a roster: its line in the file (the header is line 1) and its fields. */
export type RosterRecord = { line: number; fields: string[] | null };

/** What the reader saw once the body ended: the file's SHA-256 and its size. */
export type RosterFile = { sha256: string; bytes: number };

export const BOM = '\uFEFF';
/** a roster line is about 40 characters; anything this long is not one */
export const MAX_LINE = 4096;

export const badHeader = (): BadUserInput =>
  new BadUserInput([{ field: 'header', message: 'must be id_number,name,region_code' }]);
export const notUtf8 = (line: number): BadUserInput =>
  new BadUserInput([
    { field: 'encoding', message: `is not UTF-8 (at line ${line}); save the file as UTF-8` },
  ]);
export const tooLong = (line: number): BadUserInput =>
  new BadUserInput([
    { field: 'line', message: `line ${line} is longer than ${MAX_LINE} characters` },
  ]);

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
    let pending = '';
    let line = 0;
    let header = false;
    let batch: RosterRecord[] = [];
    const take = (text: string): RosterRecord | null => {
      line += 1;
      const record = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (line === 1) {
        const fields = csvFields(record.startsWith(BOM) ? record.slice(1) : record);
        if (!fields || !isRosterHeader(fields)) throw badHeader();
        header = true;
        return null;
      }
      if (record.trim() === '') return null;
      return { line, fields: csvFields(record) };
    };
    const utf8 = new StrictUtf8();
    const decode = (chunk: Buffer | undefined): string => utf8.decode(chunk, line);
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
      if (pending.length > MAX_LINE) throw tooLong(line + 1);
    }
    pending += decode(undefined);
    if (pending.length > 0) {
      const record = take(pending);
      if (record) batch.push(record);
    }
    if (!header) throw badHeader();
    if (batch.length > 0) yield batch;
  }

  /** Bytes of the body read so far. */
  bytesRead(): number {
    return this.bytes;
  }

  /** Valid once `batches` has run to its end. */
  file(): RosterFile {
    return { sha256: this.hash.copy().digest('hex'), bytes: this.bytes };
  }
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { csvFields, isRosterHeader } from '@app/domain';
import {
  BOM,
  MAX_LINE,
  StrictUtf8,
  badHeader,
  tooLong,
} from '@app/runtime/monitoring/roster-reader';

const CIPHER = 'aes-256-ctr';

/**
 * The shape of a roster, checked as its bytes arrive and before anything is matched or written:
 * UTF-8 (strict), the header `id_number,name,region_code`, no line over MAX_LINE characters.
 * Holds one partial line, whatever the file's size.
 */
class RosterShape {
  private readonly utf8 = new StrictUtf8();
  private pending = '';
  private line = 0;
  private header = false;

  feed(chunk: Buffer | undefined): void {
    let text = this.utf8.decode(chunk, this.line);
    let start = 0;
    if (!this.header) {
      this.pending += text;
      const end = chunk ? this.pending.indexOf('\n') : this.pending.length;
      if (end < 0) {
        if (this.pending.length > MAX_LINE) throw tooLong(1);
        return;
      }
      const first = this.pending.slice(0, end).replace(/\r$/, '');
      const fields = csvFields(first.startsWith(BOM) ? first.slice(1) : first);
      if (!fields || !isRosterHeader(fields)) throw badHeader();
      this.header = true;
      this.line = 1;
      text = this.pending.slice(end + 1);
      this.pending = '';
    }
    // only the lengths matter now: the partial line is carried as a count, not as text
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (this.pending.length + end - start > MAX_LINE) throw tooLong(this.line + 1);
      this.pending = '';
      this.line += 1;
      start = end + 1;
    }
    this.pending += text.slice(start);
    if (this.pending.length > MAX_LINE) throw tooLong(this.line + 1);
  }

  end(): void {
    this.feed(undefined);
    if (!this.header) throw badHeader();
  }
}

/**
 * A roster body received whole before it is matched, so that an import knows the file (its
 * SHA-256: the same file twice is answered at once) and its shape before it writes anything, and
 * still holds no more than a chunk in memory: the bytes go to a spool file in DATA_DIR (0600),
 * encrypted under a key that lives only in this object, and removed when the import ends. A
 * spool a crash leaves behind is ciphertext whose key is gone.
 */
export class RosterSpool {
  private constructor(
    private readonly path: string,
    private readonly key: Buffer,
    private readonly iv: Buffer,
    readonly sha256: string,
    readonly bytes: number,
  ) {}

  static async receive(
    body: Readable,
    dir: string,
    name: string,
    onBytes?: (received: number) => void,
  ): Promise<RosterSpool> {
    const path = join(dir, `.roster-${name}.spool`);
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const cipher = createCipheriv(CIPHER, key, iv);
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    const hash = createHash('sha256');
    const shape = new RosterShape();
    let bytes = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
        shape.feed(chunk);
        onBytes?.(bytes);
        if (!out.write(cipher.update(chunk)))
          await new Promise<void>((resolve, reject) => {
            out.once('drain', resolve);
            out.once('error', reject);
          });
      }
      shape.end();
      out.end(cipher.final());
      await finished(out);
    } catch (error) {
      out.destroy();
      await rm(path, { force: true });
      throw error;
    }
    return new RosterSpool(path, key, iv, hash.digest('hex'), bytes);
  }

  /** The bytes as received, decrypted as they are read. */
  read(): Readable {
    const decipher = createDecipheriv(CIPHER, this.key, this.iv);
    const source = createReadStream(this.path, { highWaterMark: 256 * 1024 });
    source.on('error', (error) => decipher.destroy(error));
    return source.pipe(decipher);
  }

  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

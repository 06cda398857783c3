import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** PERSONAL_DATA_KEY: 32 bytes, as 64 hex digits or base64 / base64url. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32)
    throw new Error('PERSONAL_DATA_KEY must be 32 bytes (64 hex digits, or base64 of 32 bytes)');
  return key;
}

/** AES-256-GCM of `plain` under `key`, bound to `context` (additional data): iv | ciphertext | tag. */
export function encrypt(key: Buffer, plain: Buffer, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** The inverse of `encrypt`; throws when the bytes, the key or the context do not match. */
export function decrypt(key: Buffer, sealed: Buffer, context: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

/**
 * Data keys are kept wrapped under the master key (PERSONAL_DATA_KEY), each bound to its stream
 * and generation: a key table read without the master key opens nothing, and a wrapped key moved
 * to another stream does not unwrap.
 */
export class KeyWrap {
  constructor(private readonly master: Buffer) {}

  newDataKey(): Buffer {
    return randomBytes(32);
  }

  wrap(dataKey: Buffer, streamId: string, generation: number): Buffer {
    return encrypt(this.master, dataKey, `data-key\n${streamId}\n${generation}`);
  }

  unwrap(wrapped: Buffer, streamId: string, generation: number): Buffer {
    return decrypt(this.master, wrapped, `data-key\n${streamId}\n${generation}`);
  }
}

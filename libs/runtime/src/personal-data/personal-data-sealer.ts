import {
  OPENED,
  SEALED_FIELD,
  personalFieldPaths,
  sealedBoxOf,
  valueAt,
  withValuesAt,
  type FieldPath,
  type SealedBox,
} from '@app/domain';
import { decrypt, encrypt, type KeyWrap } from './master-key';
import type { PersonalDataKeyStore } from './personal-data-keys.port';

/** How long a data key stays in memory: another process's erasure is honoured within it. */
const KEY_TTL_MS = 60_000;
const MAX_STREAMS = 10_000;

type Held = {
  at: number;
  live: { generation: number; key: Buffer } | null;
  keys: Map<number, Buffer | null>;
};

const boxContext = (streamId: string, generation: number) => `box\n${streamId}\n${generation}`;

/**
 * Seals the personal information of an event before it is written (the command path, before the
 * hash: the chain covers the ciphertext) and opens it again on every read. Each case stream has
 * its own data key; erasure destroys it, and from then on the sealed fields read null. `enabled`
 * false writes plaintext (the benchmark's comparison only; reading still opens what is sealed).
 */
export class PersonalDataSealer {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly keys: PersonalDataKeyStore,
    private readonly wrap: KeyWrap,
    private readonly enabled = true,
  ) {}

  /** `data` as it is to be stored: personal fields null, their values in the sealed box. */
  async seal(streamId: string, type: string, data: unknown): Promise<unknown> {
    if (!this.enabled) return data;
    const paths = personalFieldPaths(type, data);
    if (paths.length === 0) return data;
    const { generation, key } = await this.liveKey(streamId);
    const values = paths.map((path) => valueAt(data, path));
    const plain = Buffer.from(JSON.stringify(values), 'utf8');
    const box: SealedBox = {
      v: 1,
      key: generation,
      paths: paths.map((path) => [...path]),
      box: encrypt(key, plain, boxContext(streamId, generation)).toString('base64'),
    };
    const stored = withValuesAt(
      data,
      paths,
      paths.map(() => null),
    ) as Record<string, unknown>;
    return { ...stored, [SEALED_FIELD]: box };
  }

  /** Whether `data` holds a sealed box (only such events need `open`). */
  isSealed(data: unknown): boolean {
    return sealedBoxOf(data) !== null;
  }

  /**
   * The stored event with its personal fields put back. Once the key is destroyed, or when the
   * box does not open or a sealed field holds a value of its own (an edited row: the hash chain,
   * taken over the data as it is then, names it), the data stays as stored.
   */
  async open<E extends { streamId: string; data: unknown }>(event: E): Promise<E> {
    const box = sealedBoxOf(event.data);
    if (!box || box.paths.some((path) => valueAt(event.data, path) !== null)) return event;
    const key = await this.keyOf(event.streamId, box.key);
    if (key === null) return event;
    let values: unknown[];
    try {
      const plain = decrypt(
        key,
        Buffer.from(box.box, 'base64'),
        boxContext(event.streamId, box.key),
      );
      values = JSON.parse(plain.toString('utf8')) as unknown[];
    } catch {
      return event;
    }
    const data = withValuesAt(event.data, box.paths as FieldPath[], values) as object;
    Object.defineProperty(data, OPENED, { value: true });
    return { ...event, data };
  }

  /** Destroys every key of the stream, here and in the store. */
  async destroy(streamId: string): Promise<void> {
    this.held.delete(streamId);
    await this.keys.destroy(streamId);
    this.held.delete(streamId);
  }

  purge(): Promise<void> {
    return this.keys.purge();
  }

  close(): Promise<void> {
    return this.keys.close();
  }

  private entry(streamId: string): Held {
    const now = Date.now();
    let held = this.held.get(streamId);
    if (!held || now - held.at > KEY_TTL_MS) {
      held = { at: now, live: null, keys: new Map() };
      this.held.delete(streamId);
      if (this.held.size >= MAX_STREAMS) this.held.delete(this.held.keys().next().value!);
      this.held.set(streamId, held);
    }
    return held;
  }

  private async liveKey(streamId: string): Promise<{ generation: number; key: Buffer }> {
    const held = this.entry(streamId);
    if (held.live) return held.live;
    const row =
      (await this.keys.current(streamId)) ??
      (await this.keys.create(streamId, (generation) =>
        this.wrap.wrap(this.wrap.newDataKey(), streamId, generation),
      ));
    const key = this.unwrap(row.wrapped!, streamId, row.generation);
    held.live = { generation: row.generation, key };
    held.keys.set(row.generation, key);
    return held.live;
  }

  private async keyOf(streamId: string, generation: number): Promise<Buffer | null> {
    const held = this.entry(streamId);
    const known = held.keys.get(generation);
    if (known !== undefined) return known;
    const wrapped = await this.keys.get(streamId, generation);
    const key = wrapped === null ? null : this.unwrap(wrapped, streamId, generation);
    held.keys.set(generation, key);
    return key;
  }

  private unwrap(wrapped: Buffer, streamId: string, generation: number): Buffer {
    try {
      return this.wrap.unwrap(wrapped, streamId, generation);
    } catch {
      // never read on as if erased: the projections would write the names away
      throw new Error(
        'PERSONAL_DATA_KEY does not open the stored data keys (is it the key they were made with?)',
      );
    }
  }
}

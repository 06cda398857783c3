import type { PersonalDataKeyStore } from '../personal-data-keys.port';

const blob = (n: number) => Buffer.alloc(60, n);

/** What every key store must do; run against each adapter. */
export function personalDataKeysContract(
  name: string,
  open: () => Promise<{ store: PersonalDataKeyStore; done: () => Promise<void> }>,
): void {
  describe(`${name}: the personal-data key store contract`, () => {
    let store: PersonalDataKeyStore;
    let done: () => Promise<void>;
    beforeEach(async () => {
      ({ store, done } = await open());
    });
    afterEach(() => done());

    it('makes generation 1 once; a second create answers the live one', async () => {
      expect(await store.current('case-a')).toBeNull();
      const first = await store.create('case-a', (g) => blob(g));
      expect(first).toEqual({ streamId: 'case-a', generation: 1, wrapped: blob(1) });
      const again = await store.create('case-a', () => blob(9));
      expect(again.wrapped).toEqual(blob(1));
      expect(await store.current('case-a')).toEqual(first);
      expect(await store.get('case-a', 1)).toEqual(blob(1));
    });

    it('makes one key when many ask at once', async () => {
      const made = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.create('case-b', () => blob(i + 1))),
      );
      expect(new Set(made.map((m) => m.wrapped.toString('hex'))).size).toBe(1);
      expect((await store.all()).filter((r) => r.streamId === 'case-b')).toHaveLength(1);
    });

    it('destroys every generation of a stream, and only of that stream', async () => {
      await store.create('case-c', (g) => blob(g));
      await store.create('case-d', (g) => blob(g + 10));
      expect(await store.destroy('case-c')).toBe(1);
      expect(await store.destroy('case-c')).toBe(0);
      expect(await store.current('case-c')).toBeNull();
      expect(await store.get('case-c', 1)).toBeNull();
      expect(await store.get('case-d', 1)).toEqual(blob(11));
      await store.purge();
      const second = await store.create('case-c', (g) => blob(g + 20));
      expect(second.generation).toBe(2);
      expect(await store.get('case-c', 1)).toBeNull();
    });

    it('imports rows of another store, keeping what it holds', async () => {
      await store.create('case-e', (g) => blob(g));
      await store.importRows([
        { streamId: 'case-e', generation: 1, wrapped: blob(7) },
        { streamId: 'case-f', generation: 1, wrapped: null },
        { streamId: 'case-f', generation: 2, wrapped: blob(2) },
      ]);
      expect(await store.get('case-e', 1)).toEqual(blob(1));
      expect(await store.get('case-f', 1)).toBeNull();
      expect(await store.current('case-f')).toEqual({
        streamId: 'case-f',
        generation: 2,
        wrapped: blob(2),
      });
    });
  });
}

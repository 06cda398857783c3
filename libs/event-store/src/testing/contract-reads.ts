import { StreamNotFound } from '../errors';
import { comparePositions } from '../position';
import type { ContractContext } from './contract-context';
import {
  anEvent,
  collect,
  events,
  expectAscending,
  readAllOf,
  rejectionOf,
  startOfTest,
} from './contract-helpers';

const numbers = (read: { data: unknown }[]) => read.map((e) => (e.data as { n: number }).n);

export function readContract(ctx: ContractContext): void {
  describe('readStream', () => {
    const stream = () => `${ctx.prefix}long`;
    // 1,200 events: more than one page of any sane batch size, in both directions.
    beforeEach(async () => {
      for (let i = 0; i < 3; i++) {
        await ctx.store.appendToStream(stream(), events(400, i * 400));
      }
    });

    it('reads forwards from the start, across pages, in revision order', async () => {
      const read = await collect(ctx.store.readStream(stream()));
      expect(read).toHaveLength(1200);
      expect(read.every((e, i) => e.revision === BigInt(i))).toBe(true);
      expect(numbers(read.slice(0, 3))).toEqual([0, 1, 2]);
      expectAscending(read.map((e) => e.position));
    });

    it('reads forwards from a revision (inclusive), at most maxCount', async () => {
      const read = await collect(
        ctx.store.readStream(stream(), { fromRevision: 498n, maxCount: 4 }),
      );
      expect(read.map((e) => e.revision)).toEqual([498n, 499n, 500n, 501n]);
    });

    it('reads backwards from the end, across pages', async () => {
      const read = await collect(ctx.store.readStream(stream(), { direction: 'backwards' }));
      expect(read).toHaveLength(1200);
      expect(read[0].revision).toBe(1199n);
      expect(read[1199].revision).toBe(0n);
    });

    it('reads backwards from a revision (inclusive), at most maxCount', async () => {
      const options = { direction: 'backwards', fromRevision: 701n, maxCount: 3 } as const;
      const read = await collect(ctx.store.readStream(stream(), options));
      expect(read.map((e) => e.revision)).toEqual([701n, 700n, 699n]);
    });

    it('reads nothing forwards from the end or past the last revision', async () => {
      await expect(
        collect(ctx.store.readStream(stream(), { fromRevision: 'end' })),
      ).resolves.toEqual([]);
      await expect(
        collect(ctx.store.readStream(stream(), { fromRevision: 5000n })),
      ).resolves.toEqual([]);
    });

    it('throws StreamNotFound for a stream without events', async () => {
      const missing = `${ctx.prefix}missing`;
      const error = await rejectionOf(collect(ctx.store.readStream(missing)));
      expect(error).toBeInstanceOf(StreamNotFound);
      expect(error).toMatchObject({ streamId: missing });
    });
  });

  describe('readAll', () => {
    it('returns every stream interleaved in global (append) order', async () => {
      const from = await startOfTest(ctx.store);
      const written: string[] = [];
      for (let i = 0; i < 30; i++) {
        const e = anEvent({ n: i });
        written.push(e.id);
        await ctx.store.appendToStream(`${ctx.prefix}s-${i % 4}`, [e]);
      }
      const read = await readAllOf(ctx.store, ctx.prefix, from);
      expect(read.map((e) => e.id)).toEqual(written);
      expectAscending(read.map((e) => e.position));
    });

    it('starts strictly after the given position and stops at maxCount', async () => {
      const stream = `${ctx.prefix}s`;
      await ctx.store.appendToStream(stream, events(5));
      const { position } = await ctx.store.appendToStream(stream, events(1, 5));
      await ctx.store.appendToStream(stream, events(700, 6));

      const after = await readAllOf(ctx.store, ctx.prefix, position);
      expect(numbers(after)).toEqual(Array.from({ length: 700 }, (_, i) => i + 6));
      const limited = await collect(ctx.store.readAll({ fromPosition: position, maxCount: 2 }));
      expect(limited).toHaveLength(2);
      expect(comparePositions(limited[0].position, position)).toBeGreaterThan(0);
    });

    it('readAllWithoutMetadata reads what readAll does, without metadata and recordedAt', async () => {
      const from = await startOfTest(ctx.store);
      await ctx.store.appendToStream(`${ctx.prefix}a`, events(300));
      await ctx.store.appendToStream(`${ctx.prefix}b`, events(300, 300));
      const mine = <T extends { streamId: string }>(read: T[]) =>
        read.filter((e) => e.streamId.startsWith(ctx.prefix));
      const full = await readAllOf(ctx.store, ctx.prefix, from);
      const bare = mine(await collect(ctx.store.readAllWithoutMetadata({ fromPosition: from })));
      expect(bare).toEqual(
        full.map(({ id, type, data, streamId, revision, position }) => ({
          id,
          type,
          data,
          streamId,
          revision,
          position,
        })),
      );
      expect(bare.some((e) => 'metadata' in e || 'recordedAt' in e)).toBe(false);
      const after = full[400].position;
      const limited = await collect(
        ctx.store.readAllWithoutMetadata({ fromPosition: after, maxCount: 3 }),
      );
      expect(limited).toEqual(bare.slice(401, 404));
    });

    it('headPosition is at or after the last appended position', async () => {
      const { position } = await ctx.store.appendToStream(`${ctx.prefix}s`, events(2));
      const head = await ctx.store.headPosition();
      expect(head).not.toBeNull();
      expect(comparePositions(head as string, position)).toBeGreaterThanOrEqual(0);
    });
  });
}

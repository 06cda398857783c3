import { WrongExpectedRevision } from '../errors';
import type { ContractContext } from './contract-context';
import {
  anEvent,
  collect,
  events,
  expectWrongExpectedRevision,
  rejectionOf,
  startOfTest,
  readAllOf,
} from './contract-helpers';

export function appendContract(ctx: ContractContext): void {
  it('writes events at consecutive revisions and reports the last revision and position', async () => {
    const stream = `${ctx.prefix}case-1`;
    const payload = { name: '小明', nested: { list: [1, 'two', null, true], n: -0.5 }, none: null };
    const first = [anEvent(payload, 'CaseOpened'), anEvent({ n: 2 })];
    const one = await ctx.store.appendToStream(stream, first, { expectedRevision: 'no_stream' });
    const two = await ctx.store.appendToStream(stream, [anEvent()], { expectedRevision: 1n });

    expect(one.nextRevision).toBe(1n);
    expect(two.nextRevision).toBe(2n);
    const stored = await collect(ctx.store.readStream(stream));
    expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(stored[0]).toMatchObject({
      id: first[0].id,
      type: 'CaseOpened',
      data: payload,
      metadata: first[0].metadata,
      streamId: stream,
    });
    expect(stored[0].recordedAt).toBeInstanceOf(Date);
    expect(stored[1].position).toBe(one.position);
    expect(stored[2].position).toBe(two.position);
  });

  it('refuses a wrong expectation with the actual revision', async () => {
    const stream = `${ctx.prefix}case-1`;
    const missing = `${ctx.prefix}missing`;
    await ctx.store.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });

    const cases = [
      [stream, 'no_stream', 1n],
      [stream, 0n, 1n],
      [stream, 5n, 1n],
      [missing, 'stream_exists', 'no_stream'],
      [missing, 0n, 'no_stream'],
    ] as const;
    for (const [streamId, expected, actual] of cases) {
      const append = ctx.store.appendToStream(streamId, [anEvent()], {
        expectedRevision: expected,
      });
      expectWrongExpectedRevision(await rejectionOf(append), streamId, expected, actual);
    }
    await expect(collect(ctx.store.readStream(stream))).resolves.toHaveLength(2);
  });

  it('accepts any revision with "any" and an existing stream with "stream_exists"', async () => {
    const stream = `${ctx.prefix}case-1`;
    await ctx.store.appendToStream(stream, [anEvent()], { expectedRevision: 'any' });
    await ctx.store.appendToStream(stream, [anEvent()], { expectedRevision: 'stream_exists' });
    const last = await ctx.store.appendToStream(stream, [anEvent()]);
    expect(last.nextRevision).toBe(2n);
  });

  it.each([['no_stream' as const], [0n]])(
    'lets exactly one of several concurrent writers expecting %p win',
    async (expected) => {
      const stream = `${ctx.prefix}case-1`;
      if (expected === 0n) await ctx.store.appendToStream(stream, [anEvent()]);
      const writers = Array.from({ length: 8 }, () => anEvent());
      const results = await Promise.allSettled(
        writers.map((e) => ctx.store.appendToStream(stream, [e], { expectedRevision: expected })),
      );

      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [writers[i].id] : []));
      expect(won).toHaveLength(1);
      const winnerRevision = expected === 0n ? 1n : 0n;
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expectWrongExpectedRevision(r.reason, stream, expected, winnerRevision);
      }
      const stored = await collect(ctx.store.readStream(stream));
      expect(stored[stored.length - 1].id).toBe(won[0]);
    },
  );

  it('keeps a refused append from failing appends made at the same time', async () => {
    const taken = `${ctx.prefix}taken`;
    await ctx.store.appendToStream(taken, [anEvent()]);
    const good = Array.from({ length: 10 }, (_, i) =>
      ctx.store.appendToStream(`${ctx.prefix}s-${i}`, [anEvent()], {
        expectedRevision: 'no_stream',
      }),
    );
    const bad = ctx.store.appendToStream(taken, [anEvent()], { expectedRevision: 'no_stream' });

    await expect(Promise.all(good)).resolves.toHaveLength(10);
    expect(await rejectionOf(bad)).toBeInstanceOf(WrongExpectedRevision);
  });

  describe('idempotency', () => {
    it.each([['no_stream' as const], ['any' as const]])(
      're-appending the same events (expecting %p) returns the original result and writes nothing',
      async (expected) => {
        const stream = `${ctx.prefix}case-1`;
        const from = await startOfTest(ctx.store);
        const batch = events(3);
        const original = await ctx.store.appendToStream(stream, batch, {
          expectedRevision: expected,
        });
        const head = await ctx.store.headPosition();

        const again = await ctx.store.appendToStream(stream, batch, { expectedRevision: expected });
        expect(again).toEqual(original);
        expect(await ctx.store.headPosition()).toBe(head);
        expect(await readAllOf(ctx.store, ctx.prefix, from)).toHaveLength(3);
      },
    );

    it('a retry after later appends, with its original revision, returns the original result', async () => {
      const stream = `${ctx.prefix}case-1`;
      await ctx.store.appendToStream(stream, events(1));
      const batch = events(2);
      const original = await ctx.store.appendToStream(stream, batch, { expectedRevision: 0n });
      await ctx.store.appendToStream(stream, events(2), { expectedRevision: 2n });

      await expect(
        ctx.store.appendToStream(stream, batch, { expectedRevision: 0n }),
      ).resolves.toEqual(original);
      await expect(collect(ctx.store.readStream(stream))).resolves.toHaveLength(5);
    });

    it('the same append sent twice at once is written once', async () => {
      const stream = `${ctx.prefix}case-1`;
      const batch = events(2);
      const [a, b] = await Promise.all([
        ctx.store.appendToStream(stream, batch, { expectedRevision: 'no_stream' }),
        ctx.store.appendToStream(stream, batch, { expectedRevision: 'no_stream' }),
      ]);
      expect(a).toEqual(b);
      await expect(collect(ctx.store.readStream(stream))).resolves.toHaveLength(2);
    });

    it('known ids at another place, or only partly matching, are a conflict', async () => {
      const stream = `${ctx.prefix}case-1`;
      const [a, b] = events(2);
      await ctx.store.appendToStream(stream, [a, b], { expectedRevision: 'no_stream' });

      const attempts = [
        { batch: [a, b], expected: 0n },
        { batch: [b], expected: 'no_stream' as const },
        { batch: [a, anEvent()], expected: 'no_stream' as const },
        { batch: [a, b, anEvent()], expected: 'any' as const },
      ];
      for (const { batch, expected } of attempts) {
        const error = await rejectionOf(
          ctx.store.appendToStream(stream, batch, { expectedRevision: expected }),
        );
        expectWrongExpectedRevision(error, stream, expected, 1n);
      }
      await expect(collect(ctx.store.readStream(stream))).resolves.toHaveLength(2);
    });
  });
}

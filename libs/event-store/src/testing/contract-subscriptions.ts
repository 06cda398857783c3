import type { StoredEvent } from '../event-store.port';
import type { ContractContext } from './contract-context';
import {
  anEvent,
  consume,
  events,
  expectAscending,
  readAllOf,
  startOfTest,
} from './contract-helpers';

const ids = (read: { id: string }[]) => read.map((e) => e.id);

export function subscriptionContract(ctx: ContractContext): void {
  it('catches up, then goes live, with no gap and no duplicate under concurrent writers', async () => {
    const from = await startOfTest(ctx.store);
    for (let i = 0; i < 7; i++)
      await ctx.store.appendToStream(`${ctx.prefix}old-${i}`, events(100));
    const subscription = ctx.store.subscribeToAll({
      fromPosition: from,
      streamPrefixes: [ctx.prefix],
    });
    const { seen, done } = consume(subscription);

    // 8 writers, one event per append, racing the catch-up, the switch to live and live mode.
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; i < 40; i++) {
        await ctx.store.appendToStream(`${ctx.prefix}live-${w}`, [anEvent({ w, i })], {
          expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
        });
      }
    });
    await Promise.all(writers);
    const last = anEvent({ last: true });
    await ctx.store.appendToStream(`${ctx.prefix}sentinel`, [last]);
    await seen.until((items) => items.some((e) => e.id === last.id));

    const expected = await readAllOf(ctx.store, ctx.prefix, from);
    expect(expected).toHaveLength(700 + 320 + 1);
    expect(ids(seen.items)).toEqual(ids(expected));
    expectAscending(seen.items.map((e) => e.position));
    await subscription.stop();
    await done;
  });

  it('delivers only events strictly after fromPosition', async () => {
    const stream = `${ctx.prefix}s`;
    await ctx.store.appendToStream(stream, events(3));
    const { position } = await ctx.store.appendToStream(stream, events(2, 3));
    const subscription = ctx.store.subscribeToAll({
      fromPosition: position,
      streamPrefixes: [ctx.prefix],
    });
    const { seen, done } = consume(subscription);

    const next = anEvent({ n: 5 });
    await ctx.store.appendToStream(stream, [next]);
    await seen.until((items) => items.length >= 1);
    expect(ids(seen.items)).toEqual([next.id]);
    await subscription.stop();
    await done;
  });

  it('filters by stream prefix, in catch-up and live', async () => {
    const from = await startOfTest(ctx.store);
    const [a, b, c] = ['a-', 'b-', 'c-'].map((p) => `${ctx.prefix}${p}`);
    const wanted: string[] = [];
    const write = async (stream: string, count = 1) => {
      const batch = events(count);
      if (!stream.startsWith(c)) wanted.push(...ids(batch));
      await ctx.store.appendToStream(stream, batch);
    };
    // 1,200 events, 800 of them wanted: the filtered catch-up spans more than one page.
    for (let i = 0; i < 120; i++) await write(`${[a, b, c][i % 3]}${i % 5}`, 10);
    const subscription = ctx.store.subscribeToAll({ fromPosition: from, streamPrefixes: [a, b] });
    const { seen, done } = consume(subscription);
    await seen.until((items) => items.length === 800);
    await write(`${c}live`);
    await write(`${b}live`);

    await seen.until((items) => items.length === 801);
    expect(ids(seen.items)).toEqual(wanted);
    await subscription.stop();
    await done;
  });

  it('stop() ends a subscription waiting for live events, and one never iterated', async () => {
    await ctx.store.appendToStream(`${ctx.prefix}s`, events(2));
    const live = ctx.store.subscribeToAll({ streamPrefixes: [ctx.prefix] });
    const { seen, done } = consume(live);
    await seen.until((items) => items.length === 2);
    await live.stop();
    await expect(done).resolves.toBeUndefined();

    const idle = ctx.store.subscribeToAll();
    await idle.stop();
    const afterStop: StoredEvent[] = [];
    for await (const e of idle) afterStop.push(e);
    expect(afterStop).toEqual([]);
  });
}

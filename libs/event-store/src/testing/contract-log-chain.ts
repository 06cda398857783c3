import { DuplicateEventId } from '../errors';
import {
  LOG_CHAIN_GENESIS,
  isChainedEventLog,
  logLink,
  rowDigest,
  type ChainedEventLog,
} from '../common/log-chain';
import type { ContractContext } from './contract-context';
import { anEvent, collect, events, rejectionOf } from './contract-helpers';

/**
 * Stores that keep the global hash chain (ChainedEventLog): every row links to the one before
 * it, whatever was refused, rolled back or written in the same group commit. Skipped for the
 * others (EventStoreDB: the chain is kept outside it, see docs/audit.md).
 */
export function logChainContract(ctx: ContractContext): void {
  const chained = () => isChainedEventLog(ctx.store);

  it('links every row to the one before it, across streams and refused appends', async () => {
    if (!chained()) return;
    const [a, b, c] = ['a', 'b', 'c'].map((s) => `${ctx.prefix}${s}`);
    const taken = anEvent({ taken: true });
    await ctx.store.appendToStream(a, [taken], { expectedRevision: 'no_stream' });
    // one group commit: a good append, a conflict, an append of several refused half-way (its
    // first rows are rolled back), and more good ones after them
    const outcomes = await Promise.allSettled([
      ctx.store.appendToStream(b, events(3), { expectedRevision: 'no_stream' }),
      ctx.store.appendToStream(a, events(1), { expectedRevision: 5n }),
      ctx.store.appendToStream(c, [anEvent({ k: 1 }), anEvent({ k: 2 }), taken]),
      ctx.store.appendToStream(a, [anEvent({ 名: '小明 \n"x"' })], { expectedRevision: 0n }),
      ctx.store.appendToStream(c, events(2), { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await rejectionOf(ctx.store.appendToStream(c, [taken]))).toBeInstanceOf(
      DuplicateEventId,
    );
    await ctx.store.appendToStream(b, events(2, 3), { expectedRevision: 2n });

    const rows = await collect((ctx.store as never as ChainedEventLog).readLogRows());
    let previous = LOG_CHAIN_GENESIS;
    rows.forEach((row, i) => {
      expect(row.position).toBe(String(i + 1));
      previous = logLink(previous, row.position, row.streamId, rowDigest(row));
      expect(row.logHash).toBe(previous);
    });
    const mine = rows.filter((r) => r.streamId.startsWith(ctx.prefix));
    expect(mine.map((r) => `${r.streamId.slice(ctx.prefix.length)}${r.revision}`)).toEqual([
      'a0',
      'b0',
      'b1',
      'b2',
      'a1',
      'c0',
      'c1',
      'b3',
      'b4',
    ]);
  });

  it('hands out the rows as stored: the JSON text and the recording time the chain covers', async () => {
    if (!chained()) return;
    const stream = `${ctx.prefix}s`;
    const event = anEvent({ z: 1, a: [1, 'é', null] });
    const { position } = await ctx.store.appendToStream(stream, [event]);
    const log = ctx.store as never as ChainedEventLog;
    const [row] = await collect(log.readLogRows({ fromPosition: String(BigInt(position) - 1n) }));
    const [stored] = await collect(ctx.store.readStream(stream));
    expect(row).toMatchObject({
      position,
      id: event.id,
      streamId: stream,
      revision: 0n,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      recordedAt: stored.recordedAt.toISOString(),
    });
  });
}

import { InvalidEventStoreInput } from '../errors';
import type { EventToAppend, ExpectedRevision } from '../event-store.port';
import type { ContractContext } from './contract-context';
import { anEvent, collect, rejectionOf } from './contract-helpers';

type BadAppend = [string, (prefix: string) => [string, unknown[], ExpectedRevision?]];

const cyclic = (): unknown => {
  const node: Record<string, unknown> = { name: 'loop' };
  node.self = node;
  return node;
};
const withId = (id: unknown): EventToAppend => ({ ...anEvent(), id: id as string });

const badAppends: BadAppend[] = [
  ['an empty stream name', () => ['', [anEvent()]]],
  ['a blank stream name', () => ['   ', [anEvent()]]],
  ['a stream name with a NUL', (p) => [`${p}s\u0000x`, [anEvent()]]],
  ['a stream name with a lone surrogate', (p) => [`${p}s\ud800`, [anEvent()]]],
  ['an event type with a NUL', (p) => [`${p}s`, [anEvent({}, 'Type\u0000')]]],
  ['a BigInt in the data', (p) => [`${p}s`, [anEvent({ amount: 10n })]]],
  ['a cyclic payload', (p) => [`${p}s`, [anEvent(cyclic())]]],
  ['a function in the data', (p) => [`${p}s`, [anEvent({ f: () => 1 })]]],
  ['a Date in the data (it would come back as a string)', (p) => [`${p}s`, [anEvent(new Date())]]],
  ['NaN in the data', (p) => [`${p}s`, [anEvent({ score: NaN })]]],
  ['metadata that is not an object', (p) => [`${p}s`, [{ ...anEvent(), metadata: 'x' }]]],
  ['an event without an id', (p) => [`${p}s`, [withId(undefined)]]],
  ['an id that is not a uuid', (p) => [`${p}s`, [withId('case-1')]]],
  ['an event without a type', (p) => [`${p}s`, [{ ...anEvent(), type: '' }]]],
  ['the same id twice in one append', (p) => [`${p}s`, [anEvent(), anEvent()].map(withSameId)]],
  ['an empty events array', (p) => [`${p}s`, []]],
  ['a negative expected revision', (p) => [`${p}s`, [anEvent()], -1n]],
  ['a number instead of a bigint revision', (p) => [`${p}s`, [anEvent()], 0 as never]],
];

const sharedId = anEvent().id;
function withSameId(event: EventToAppend): EventToAppend {
  return { ...event, id: sharedId };
}

export function inputContract(ctx: ContractContext): void {
  it.each(badAppends)(
    'refuses %s with InvalidEventStoreInput and writes nothing',
    async (_, make) => {
      const [streamId, batch, expectedRevision] = make(ctx.prefix);
      const head = await ctx.store.headPosition();
      const append = ctx.store.appendToStream(streamId, batch as EventToAppend[], {
        expectedRevision,
      });

      expect(await rejectionOf(append)).toBeInstanceOf(InvalidEventStoreInput);
      expect(await ctx.store.headPosition()).toBe(head);
      await ctx.store.appendToStream(`${ctx.prefix}s`, [anEvent()], {
        expectedRevision: 'no_stream',
      });
    },
  );

  it('refuses bad read options with InvalidEventStoreInput', async () => {
    const stream = `${ctx.prefix}s`;
    await ctx.store.appendToStream(stream, [anEvent()]);
    const reads = [
      () => collect(ctx.store.readStream(stream, { fromRevision: -1n })),
      () => collect(ctx.store.readStream(stream, { maxCount: -1 })),
      () => collect(ctx.store.readStream(stream, { fromRevision: 2n ** 64n })),
      () => collect(ctx.store.readStream('')),
      () => collect(ctx.store.readAll({ fromPosition: 'not a position' })),
      () => collect(ctx.store.readAllWithoutMetadata({ maxCount: -1 })),
      () => collect(ctx.store.subscribeToAll({ streamPrefixes: [] })),
    ];
    for (const read of reads) {
      expect(await rejectionOf(Promise.resolve().then(read))).toBeInstanceOf(
        InvalidEventStoreInput,
      );
    }
  });
}

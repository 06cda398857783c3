import { DuplicateEventId, WrongExpectedRevision } from '../errors';
import { anEvent, collect, rejectionOf } from '../testing/contract-helpers';
import { SqliteEventStore } from './sqlite-event-store';
import { tempDatabase } from './testing/temp-database';

describe('SqliteEventStore group commit', () => {
  let db: ReturnType<typeof tempDatabase>;
  let store: SqliteEventStore;
  beforeEach(() => {
    db = tempDatabase();
    store = new SqliteEventStore({ filename: db.filename });
  });
  afterEach(async () => {
    await store.close();
    db.remove();
  });

  it('writes 32 appends made at once in one transaction, each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 32 }, (_, i) => store.appendToStream(`case-${i}`, [anEvent()])),
    );
    expect(store.stats).toEqual({ commits: 1, appends: 32 });
    expect(results.map((r) => r.position)).toEqual(results.map((_, i) => String(i + 1)));
  });

  it('isolates refused appends: the rest of the batch commits, positions stay gap-free', async () => {
    await store.appendToStream('taken', [anEvent()]);
    const used = anEvent();
    await store.appendToStream('owner', [used]);

    const outcomes = await Promise.allSettled([
      store.appendToStream('a', [anEvent()]),
      store.appendToStream('taken', [anEvent(), anEvent()], { expectedRevision: 'no_stream' }),
      store.appendToStream('b', [anEvent(), { ...used }]),
      store.appendToStream('c', [anEvent(), anEvent()]),
    ]);

    expect(store.stats.commits).toBe(3);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventId);
    const all = await collect(store.readAll());
    expect(all.map((e) => e.position)).toEqual(['1', '2', '3', '4', '5']);
    expect(all.map((e) => e.streamId)).toEqual(['taken', 'owner', 'a', 'c', 'c']);
  });

  it('refuses an id already used by another stream, even as the first event', async () => {
    const used = anEvent();
    await store.appendToStream('owner', [used]);
    const error = await rejectionOf(store.appendToStream('thief', [used]));
    expect(error).toBeInstanceOf(DuplicateEventId);
    expect(error).toMatchObject({ eventId: used.id, existingStreamId: 'owner' });
  });

  it('refuses a later id already in the same stream as a conflict, writing none of the append', async () => {
    const stored = anEvent();
    await store.appendToStream('s', [stored]);
    const error = await rejectionOf(store.appendToStream('s', [anEvent(), { ...stored }]));
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(await collect(store.readStream('s'))).toHaveLength(1);
    await store.appendToStream('s', [anEvent()], { expectedRevision: 0n });
  });

  it('treats ids case-insensitively (they are stored lower-case)', async () => {
    const event = anEvent();
    const first = await store.appendToStream('s', [{ ...event, id: event.id.toUpperCase() }]);
    await expect(
      store.appendToStream('s', [event], { expectedRevision: 'no_stream' }),
    ).resolves.toEqual(first);
    const [stored] = await collect(store.readStream('s'));
    expect(stored.id).toBe(event.id);
  });
});

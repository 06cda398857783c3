import { EventStoreClosed } from '../errors';
import { anEvent, collect, consume, events, rejectionOf } from '../testing/contract-helpers';
import { SqliteEventStore } from './sqlite-event-store';
import { tempDatabase } from './testing/temp-database';

describe('SqliteEventStore', () => {
  let db: ReturnType<typeof tempDatabase>;
  const opened: SqliteEventStore[] = [];
  const open = (options: Partial<ConstructorParameters<typeof SqliteEventStore>[0]> = {}) => {
    const store = new SqliteEventStore({ filename: db.filename, ...options });
    opened.push(store);
    return store;
  };
  beforeEach(() => (db = tempDatabase()));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    db.remove();
  });

  it('numbers positions "1", "2", ... and reports a null head while empty', async () => {
    const store = open();
    expect(await store.headPosition()).toBeNull();
    expect(await store.appendToStream('s', events(2))).toEqual({ nextRevision: 1n, position: '2' });
    expect(await store.headPosition()).toBe('2');
  });

  it('stamps recordedAt with the injected clock', async () => {
    const at = new Date('2024-03-01T08:30:00.000Z');
    const store = open({ now: () => at });
    await store.appendToStream('s', [anEvent()]);
    const [stored] = await collect(store.readAll());
    expect(stored.recordedAt).toEqual(at);
  });

  it('close() flushes appends already accepted, then refuses new work', async () => {
    const store = open();
    const pending = store.appendToStream('s', events(3));
    await store.close();
    await expect(pending).resolves.toEqual({ nextRevision: 2n, position: '3' });

    expect(await rejectionOf(store.appendToStream('s', [anEvent()]))).toBeInstanceOf(
      EventStoreClosed,
    );
    expect(await rejectionOf(store.headPosition())).toBeInstanceOf(EventStoreClosed);
    expect(() => store.readAll()).toThrow(EventStoreClosed);
    expect(await collect(open().readStream('s'))).toHaveLength(3);
  });

  it('close() ends live subscriptions cleanly', async () => {
    const store = open();
    await store.appendToStream('s', [anEvent()]);
    const { seen, done } = consume(store.subscribeToAll());
    await seen.until((items) => items.length === 1);
    await store.close();
    await expect(done).resolves.toBeUndefined();
  });

  it('a read in progress neither blocks appends nor runs past the head it started at', async () => {
    const store = open();
    await store.appendToStream('s', events(600));
    const reading = store.readAll()[Symbol.asyncIterator]();
    await reading.next();
    await store.appendToStream('s', events(5), { expectedRevision: 599n });
    let rest = 0;
    while (!(await reading.next()).done) rest += 1;
    expect(rest).toBe(599);
  });

  it('wakes a subscription on another connection to the same file by polling (cross-process case)', async () => {
    const writer = open();
    const reader = open({ crossProcessPollMs: 5 });
    const subscription = reader.subscribeToAll();
    const { seen, done } = consume(subscription);
    const event = anEvent();
    await writer.appendToStream('s', [event]);
    await seen.until((items) => items.length === 1);
    expect(seen.items[0].id).toBe(event.id);
    await subscription.stop();
    await done;
  });
});

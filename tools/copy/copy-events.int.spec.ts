import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore, type StoredEvent } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { anEvent } from '@app/event-store/testing/contract-helpers';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { copyEvents, verifyCopy } from './copy-events';

/** The store, but its log breaks off after `count` events (a copy interrupted half-way). */
function breakingAfter(store: EventStore, count: number): EventStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'readAll') return Reflect.get(target, key, receiver) as unknown;
      return (options: object) => ({
        async *[Symbol.asyncIterator]() {
          let n = 0;
          for await (const event of target.readAll(options)) {
            if (n++ === count) throw new Error('connection lost');
            yield event as StoredEvent;
          }
        },
      });
    },
  });
}

describeWithPostgres('copyEvents', () => {
  let db: TestDatabase;
  let dir: string;
  let source: SqliteEventStore;
  let target: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'copy-'));
    source = new SqliteEventStore({
      filename: join(dir, 'events.sqlite'),
      crossProcessPollMs: false,
    });
    for (let i = 0; i < 25; i++) await source.appendToStream(`s-${i % 4}`, [anEvent({ i })]);
    target = await PostgresEventStore.open({ connectionString: db.url, poolSize: 2 });
  });
  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('continues an interrupted copy where it stopped, and the result verifies', async () => {
    await expect(copyEvents(breakingAfter(source, 13), target, { batchSize: 5 })).rejects.toThrow(
      'connection lost',
    );
    expect(await target.headPosition()).toBe('10'); // two whole batches committed, no part of one
    const resumed = await copyEvents(source, target, { batchSize: 5 });
    expect(resumed).toEqual({ copied: 15, resumedAfter: '10' });
    expect(await verifyCopy(source, target)).toEqual({
      sourceEvents: 25,
      targetEvents: 25,
      firstDifference: null,
      cases: 0,
      broken: [],
    });
  });

  it('refuses to continue into a log that is not this one', async () => {
    const other = new SqliteEventStore({
      filename: join(dir, 'other.sqlite'),
      crossProcessPollMs: false,
    });
    try {
      await other.appendToStream('x', [anEvent()]);
      await expect(copyEvents(other, target)).rejects.toThrow('copy into an empty database');
    } finally {
      await other.close();
    }
  });
});

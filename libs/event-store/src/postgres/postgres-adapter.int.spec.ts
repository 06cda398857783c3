import { Client } from 'pg';
import { EventStoreUnavailable } from '../errors';
import {
  anEvent,
  collect,
  consume,
  events,
  rejectionOf,
  uniquePrefix,
} from '../testing/contract-helpers';
import {
  createTestDatabase,
  describeWithPostgres,
  queryDatabase,
  type TestDatabase,
} from '../testing/postgres-test-database';
import { PostgresEventStore } from './postgres-event-store';
import { APPEND_LOCK } from './postgres-locks';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';

describeWithPostgres('PostgresEventStore on a shared database', () => {
  let db: TestDatabase;
  const opened: PostgresEventStore[] = [];
  const open = (options: { attempts?: number } = {}) => {
    const store = new PostgresEventStore({ connectionString: db.url, poolSize: 3, ...options });
    opened.push(store);
    return store;
  };
  const sql = <T>(text: string, params: unknown[] = []) => queryDatabase<T>(db.url, text, params);
  /** What a PostgreSQL restart does to this store's connections (only this database's). */
  const terminate = (applicationName: string) =>
    sql(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
      [db.name, applicationName],
    );

  /** Resolves once a process waits for the append lock (what a second appender does meanwhile). */
  const someoneWaitsForTheAppendLock = async () => {
    for (let tries = 0; tries < 200; tries++) {
      const waiting = await sql(
        "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1",
        [APPEND_LOCK],
      );
      if (waiting.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('nobody waited for the append lock');
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  afterAll(() => db.drop());

  it("gives several processes one gap-free log in commit order, and wakes each one's subscribers", async () => {
    const [a, b, follower] = [open(), open(), open()];
    const prefix = uniquePrefix();
    const from = (await follower.headPosition()) ?? 'start';
    const subscription = follower.subscribeToAll({ fromPosition: from, streamPrefixes: [prefix] });
    const { seen, done } = consume(subscription);
    const writers = [a, b].flatMap((store, s) =>
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 25; i++)
          await store.appendToStream(`${prefix}${s}-${w}`, [anEvent({ i })], {
            expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
          });
      }),
    );
    await Promise.all(writers);
    await seen.until((items) => items.length === 200);

    const positions = seen.items.map((e) => BigInt(e.position));
    const first = positions[0];
    expect(positions).toEqual(positions.map((_, i) => first + BigInt(i))); // gap-free, in order
    expect(a.stats.commits).toBeLessThan(a.stats.appends); // group commit
    await subscription.stop();
    await done;
  });

  it('a transaction holding the append lock delays the next appender; readers never see past it', async () => {
    const [store, reader] = [open(), open()];
    const prefix = uniquePrefix();
    const slow = new Client({ connectionString: db.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      // what a slow appender does: es_append takes this lock first, and keeps it until COMMIT
      await slow.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const head = (await reader.headPosition()) ?? 'start';
      const fast = store.appendToStream(`${prefix}fast`, [anEvent()]);
      let fastDone = false;
      void fast.then(() => (fastDone = true));
      await someoneWaitsForTheAppendLock();
      expect(fastDone).toBe(false); // waiting for the lock, not written ahead of the slow one
      expect(await collect(reader.readAll({ fromPosition: head }))).toEqual([]);
      await slow.query('COMMIT');
      const { position } = await fast;
      expect(BigInt(position)).toBe((head === 'start' ? 0n : BigInt(head)) + 1n);
    } finally {
      await slow.end();
    }
  });

  it('appends again on a new connection when PostgreSQL drops the old ones', async () => {
    const store = open();
    const prefix = uniquePrefix();
    await store.appendToStream(`${prefix}s`, events(1));
    await terminate('cases-event-store');
    const next = await store.appendToStream(`${prefix}s`, events(1), { expectedRevision: 0n });
    expect(next.nextRevision).toBe(1n);
    expect(await collect(store.readStream(`${prefix}s`))).toHaveLength(2);
  });

  it('a subscription carries on after its connections are dropped, missing nothing', async () => {
    const [writer, follower] = [open(), open()];
    const prefix = uniquePrefix();
    const from = (await follower.headPosition()) ?? 'start';
    const subscription = follower.subscribeToAll({ fromPosition: from, streamPrefixes: [prefix] });
    const { seen, done } = consume(subscription);
    await writer.appendToStream(`${prefix}s`, events(1));
    await seen.until((items) => items.length === 1);

    await terminate('cases-event-store-listener');
    await terminate('cases-event-store');
    await writer.appendToStream(`${prefix}s`, events(2));
    await seen.until((items) => items.length === 3);
    expect(seen.items.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    await subscription.stop();
    await done;
  });

  it('says clearly when PostgreSQL cannot be reached, without waiting for ever', async () => {
    const url = new URL(db.url);
    url.port = '1'; // nothing listens there
    const store = new PostgresEventStore({ connectionString: url.toString(), attempts: 2 });
    const error = await rejectionOf(store.appendToStream('s', [anEvent()]));
    expect(error).toBeInstanceOf(EventStoreUnavailable);
    expect((error as Error).message).toMatch(
      /could not be reached during open: PostgreSQL \(ECONNREFUSED/,
    );
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailable);
    await store.close();
  });

  it('an append whose connection is lost and never comes back may have been written: it says so', async () => {
    const store = open({ attempts: 1 });
    await store.headPosition(); // opened
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const append = rejectionOf(store.appendToStream(`${uniquePrefix()}s`, [anEvent()]));
      await someoneWaitsForTheAppendLock();
      await terminate('cases-event-store');
      const error = await append;
      expect(error).toBeInstanceOf(EventStoreUnavailable);
      expect((error as Error).message).toMatch(/during append: .*may or may not have been written/);
    } finally {
      await blocker.end();
    }
  });

  it('appends correctly whatever isolation level the database defaults to', async () => {
    const other = await createTestDatabase();
    try {
      const admin = new Client({ connectionString: other.url });
      await admin.connect();
      await admin.query(
        `ALTER DATABASE ${other.name} SET default_transaction_isolation = 'repeatable read'`,
      );
      await admin.end();
      const stores = [1, 2].map(
        () => new PostgresEventStore({ connectionString: other.url, poolSize: 2 }),
      );
      try {
        const results = await Promise.all(
          stores.flatMap((store, s) =>
            Array.from({ length: 20 }, (_, i) => store.appendToStream(`s${s}-${i}`, [anEvent()])),
          ),
        );
        const positions = results.map((r) => Number(r.position)).sort((a, b) => a - b);
        expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await other.drop();
    }
  });

  it('migrates once when several processes open it together, and refuses a newer schema', async () => {
    const other = await createTestDatabase();
    try {
      const stores = await Promise.all(
        [1, 2, 3].map(() => PostgresEventStore.open({ connectionString: other.url, poolSize: 1 })),
      );
      await Promise.all(stores.map((s) => s.close()));
      const client = new Client({ connectionString: other.url });
      await client.connect();
      const { rows } = await client.query('SELECT version FROM es_schema_version ORDER BY version');
      expect(rows.map((r: { version: number }) => r.version)).toEqual(
        POSTGRES_MIGRATIONS.map((m) => m.version),
      );
      await client.query("INSERT INTO es_schema_version (version, description) VALUES (99, 'x')");
      await client.end();
      await expect(PostgresEventStore.open({ connectionString: other.url })).rejects.toThrow(
        'Event store schema version 99 is newer than this code knows',
      );
    } finally {
      await other.drop();
    }
  });
});

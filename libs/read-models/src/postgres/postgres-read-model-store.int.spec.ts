import { DEFAULT_POLICY } from '@app/domain';
import { Client } from 'pg';
import { applyBatch } from '../projector/apply-batch';
import { PROJECTIONS } from '../projections/project-batch';
import {
  createTestDatabase,
  describeWithPostgres,
  queryDatabase,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { readModelStoreContract } from '../testing/read-model-store.contract';
import { ziboScenario } from '../testing/zibo-scenario';
import { CHECKPOINT_CHANNEL } from './postgres-dialect';
import { POSTGRES_READ_MODEL_MIGRATIONS } from './postgres-read-model-migrations';
import { PostgresReadModelStore } from './postgres-read-model-store';

describeWithPostgres('PostgresReadModelStore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const open = () => PostgresReadModelStore.open({ connectionString: db.url });
  const query = <T>(text: string, params: unknown[] = []) => queryDatabase<T>(db.url, text, params);

  readModelStoreContract('postgres', async () => {
    const store = await open();
    await store.reset();
    return { store, cleanup: () => store.close(), peer: open };
  });

  it('migrates once to the latest version, even when several processes open it together', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    await Promise.all(stores.map((s) => s.close()));
    const versions = await query<{ version: number }>(
      'SELECT version FROM rm_schema_version ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual(
      POSTGRES_READ_MODEL_MIGRATIONS.map((m) => m.version),
    );
  });

  it('refuses a schema newer than it knows', async () => {
    const other = await createTestDatabase();
    try {
      await PostgresReadModelStore.open({ connectionString: other.url }).then((s) => s.close());
      await query('SELECT 1'); // the shared database is untouched
      const client = new Client({ connectionString: other.url });
      await client.connect();
      await client.query("INSERT INTO rm_schema_version (version, description) VALUES (99, 'x')");
      await client.end();
      await expect(PostgresReadModelStore.open({ connectionString: other.url })).rejects.toThrow(
        'Read-model schema version 99 is newer than this code knows',
      );
    } finally {
      await other.drop();
    }
  });

  it('serves a region page and its cursor from the (region_code, case_id) index, in byte order', async () => {
    (await open()).close();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query(
        'EXPLAIN SELECT * FROM rm_case WHERE region_code >= $1 AND region_code < $2' +
          ' ORDER BY region_code, case_id LIMIT 20',
        ['3703', '3703:'],
      );
      expect(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')).toMatch(
        /Index Scan using rm_case_by_region/,
      );
    } finally {
      await client.end();
    }
  });

  it('NOTIFYs the new checkpoint when, and only when, its transaction commits', async () => {
    const store = await open();
    await store.reset();
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(String(n.payload)));
    await listener.query(`LISTEN ${CHECKPOINT_CHANNEL}`);
    try {
      let heardInside: string[] = [];
      await store.transaction(async (tx) => {
        await tx.setCheckpoints(PROJECTIONS, '3', 3);
        await new Promise((resolve) => setTimeout(resolve, 50));
        heardInside = [...heard];
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heardInside).toEqual([]);
      expect(heard).toEqual(['3']);
    } finally {
      await listener.end();
      await store.close();
    }
  });

  it('keeps listening after its connection is cut, and catches up on what it missed', async () => {
    const store = await open();
    await store.reset();
    const log = ziboScenario();
    const seen: string[] = [];
    const errors: unknown[] = [];
    const watch = store.watchCheckpoints((p) => seen.push(p), { onError: (e) => errors.push(e) });
    try {
      await applyBatch(store, log.events.slice(0, 5), DEFAULT_POLICY);
      await until(() => seen.includes('5'));
      await query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity' +
          " WHERE application_name = 'cases-checkpoint-listener' AND datname = $1",
        [db.name],
      );
      await applyBatch(store, log.events.slice(5), DEFAULT_POLICY);
      await until(() => seen.at(-1) === String(log.events.length));
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await watch.stop();
      await store.close();
    }
  });
});

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not within the time allowed');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

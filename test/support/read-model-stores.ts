import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';

/** A read-model store the e2e specs run against, as the environment that selects it. */
export interface ReadModelStoreUnderTest {
  kind: 'sqlite' | 'postgres';
  /** the environment for the app (creating the PostgreSQL database on first use) */
  env(): Promise<Record<string, string>>;
  /** drops what `env` created */
  cleanup(): Promise<void>;
}

const sqlite = (): ReadModelStoreUnderTest => ({
  kind: 'sqlite',
  env: async () => ({ READ_MODEL_STORE: 'sqlite' }),
  cleanup: async () => undefined,
});

const postgres = (): ReadModelStoreUnderTest => {
  let db: Promise<TestDatabase> | undefined;
  return {
    kind: 'postgres',
    env: async () => ({
      READ_MODEL_STORE: 'postgres',
      DATABASE_URL: (await (db ??= createTestDatabase())).url,
    }),
    cleanup: async () => {
      if (db) await (await db).drop();
      db = undefined;
    },
  };
};

/**
 * The same scenario on each read-model store: SQLite always, PostgreSQL when DATABASE_URL names a
 * server (each run in a database of its own, dropped after; without it, a test says it skipped).
 */
export function describeEachReadModelStore(
  title: string,
  body: (store: ReadModelStoreUnderTest) => void,
): void {
  describe(`${title} [sqlite]`, () => {
    const store = sqlite();
    body(store);
    afterAll(() => store.cleanup()); // after the body's own (hooks run in declaration order)
  });
  describeWithPostgres(`${title} [postgres]`, () => {
    const store = postgres();
    body(store);
    afterAll(() => store.cleanup());
  });
}

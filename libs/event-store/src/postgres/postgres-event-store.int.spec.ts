import { join } from 'node:path';
import { eventStoreContract } from '../testing';
import { reopenableFixture } from '../testing/reopenable-fixture';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '../testing/postgres-test-database';
import { PostgresEventStore } from './postgres-event-store';

const CRASH_APPENDER = join(__dirname, 'testing/postgres-crash-appender.ts');

describeWithPostgres('PostgresEventStore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  // One database for the suite: each test writes under its own stream prefix and reads the global
  // log from the head it found, as on a shared server.
  eventStoreContract('PostgresEventStore', {
    capabilities: { reopen: true, crash: true },
    async create() {
      return reopenableFixture(
        () => new PostgresEventStore({ connectionString: db.url, poolSize: 4 }),
        { script: CRASH_APPENDER, args: [db.url] },
      );
    },
  });
});

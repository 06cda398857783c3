import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { accessLogStoreContract } from './testing/access-log-store.contract';
import { PostgresAccessLogStore } from './postgres-access-log.store';

describeWithPostgres('the PostgreSQL access log', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  accessLogStoreContract('PostgreSQL', async () => new PostgresAccessLogStore(db.url));
});

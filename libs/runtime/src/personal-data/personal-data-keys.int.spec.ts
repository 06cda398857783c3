import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  describeWithPostgres,
} from '@app/event-store/testing/postgres-test-database';
import { personalDataKeysContract } from './testing/personal-data-keys.contract';
import { PostgresPersonalDataKeys } from './postgres/postgres-personal-data-keys';
import { SqlitePersonalDataKeys } from './sqlite/sqlite-personal-data-keys';

personalDataKeysContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  const store = new SqlitePersonalDataKeys(join(dir, 'keys.sqlite'));
  return {
    store,
    done: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeWithPostgres('PostgreSQL key store', () => {
  personalDataKeysContract('PostgreSQL', async () => {
    const db = await createTestDatabase();
    const store = new PostgresPersonalDataKeys(db.url);
    return {
      store,
      done: async () => {
        await store.close();
        await db.drop();
      },
    };
  });
});

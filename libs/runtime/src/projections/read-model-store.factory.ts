import { preparePrivateDir } from '@app/event-store/sqlite/private-files';
import { join } from 'node:path';
import {
  PostgresReadModelStore,
  SqliteReadModelStore,
  type ReadModelStore,
} from '@app/read-models';
import type { AppConfig } from '../config/app-config';

/**
 * The configured read-model store; nothing outside an adapter imports a driver. PostgreSQL
 * migrates its schema as it opens: every use waits for that, and a failure fails the first one.
 */
export function createReadModelStore(
  config: Pick<AppConfig, 'readModelStore' | 'dataDir' | 'databaseUrl'>,
): ReadModelStore {
  switch (config.readModelStore) {
    case 'sqlite':
      preparePrivateDir(config.dataDir);
      return new SqliteReadModelStore({ filename: join(config.dataDir, 'read-models.sqlite') });
    case 'postgres':
      return new PostgresReadModelStore({ connectionString: config.databaseUrl! });
  }
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteReadModelStore, type ReadModelStore } from '@app/read-models';
import type { AppConfig } from '../config/app-config';

/** The configured read-model store; nothing outside an adapter imports a driver. */
export function createReadModelStore(config: AppConfig): ReadModelStore {
  switch (config.readModelStore) {
    case 'sqlite':
      mkdirSync(config.dataDir, { recursive: true });
      return new SqliteReadModelStore({ filename: join(config.dataDir, 'read-models.sqlite') });
    case 'postgres':
      throw new Error(
        'READ_MODEL_STORE=postgres: the PostgreSQL adapter is not available in this build yet',
      );
  }
}

import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { KeyWrap, parseMasterKey } from './master-key';
import type { PersonalDataKeyStore } from './personal-data-keys.port';
import { PersonalDataSealer } from './personal-data-sealer';
import { PostgresPersonalDataKeys } from './postgres/postgres-personal-data-keys';
import { SqlitePersonalDataKeys } from './sqlite/sqlite-personal-data-keys';

/** The file of the embedded key store. */
export const KEYS_FILE = 'keys.sqlite';

/**
 * Where the data keys live: beside the embedded store in DATA_DIR/keys.sqlite; in the event
 * store's PostgreSQL database (schema personal_data); for EventStoreDB, in the read models'
 * database (PostgreSQL, else the file in DATA_DIR): never in the event log itself.
 */
export function createPersonalDataKeys(config: AppConfig): PersonalDataKeyStore {
  if (config.eventStore === 'postgres')
    return new PostgresPersonalDataKeys(config.eventStoreDatabaseUrl!);
  if (config.eventStore === 'esdb' && config.readModelStore === 'postgres')
    return new PostgresPersonalDataKeys(config.databaseUrl!);
  return new SqlitePersonalDataKeys(join(config.dataDir, KEYS_FILE));
}

export function createPersonalDataSealer(
  config: AppConfig,
  options: { sealing?: boolean } = {},
): PersonalDataSealer {
  const wrap = new KeyWrap(parseMasterKey(config.personalDataKey));
  return new PersonalDataSealer(createPersonalDataKeys(config), wrap, options.sealing ?? true);
}

import { preparePrivateDir } from '@app/event-store/sqlite/private-files';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import type { AccessLogStore } from './access-log.port';
import { PostgresAccessLogStore } from './postgres-access-log.store';
import { SqliteAccessLogStore } from './sqlite-access-log.store';

/**
 * Where the access log is kept: with the events when they are in PostgreSQL, else in the read
 * models' PostgreSQL, so every api instance writes and reads one log; only the embedded layout
 * keeps it in a file of DATA_DIR.
 */
export function accessLogDatabaseUrl(
  config: Pick<
    AppConfig,
    'eventStore' | 'eventStoreDatabaseUrl' | 'readModelStore' | 'databaseUrl'
  >,
): string | null {
  if (config.eventStore === 'postgres') return config.eventStoreDatabaseUrl!;
  if (config.readModelStore === 'postgres') return config.databaseUrl!;
  return null;
}

export function createAccessLogStore(config: AppConfig): AccessLogStore {
  const url = accessLogDatabaseUrl(config);
  if (url !== null) return new PostgresAccessLogStore(url);
  preparePrivateDir(config.dataDir);
  return new SqliteAccessLogStore(join(config.dataDir, 'access-log.sqlite'));
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/runtime/config/app-config';
import type { EventStore } from '@app/event-store';
import {
  accessLogDatabaseUrl,
  createAccessLogStore,
} from '@app/runtime/audit/access-log/access-log-store';
import type { AccessLogStore } from '@app/runtime/audit/access-log/access-log.port';
import { isChainedAccessLog, type ChainedAccessLog } from '@app/runtime/audit/access-chain';

/**
 * The access log the server keeps with this configuration, opened for the tools; null in the
 * embedded layout when its file does not exist yet (a reader creates nothing).
 */
export function openAccessLog(config: AppConfig): (AccessLogStore & ChainedAccessLog) | null {
  const embedded = accessLogDatabaseUrl(config) === null;
  if (embedded && !existsSync(join(config.dataDir, 'access-log.sqlite'))) return null;
  const store = createAccessLogStore(config);
  return isChainedAccessLog(store) ? store : null;
}

/** Closes what the tool opened, the event store last. */
export async function closeAll(store: EventStore, accessLog: AccessLogStore | null): Promise<void> {
  await accessLog?.close();
  await store.close();
}

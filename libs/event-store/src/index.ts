export * from './event-store.port';
export * from './errors';
export { comparePositions, isPosition } from './position';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { WAL_AUTOCHECKPOINT_PAGES } from './sqlite/sqlite-connection';
export {
  SQLITE_MIGRATIONS,
  LATEST_SCHEMA_VERSION,
  type Migration,
} from './sqlite/sqlite-migrations';
export {
  LOG_CHAIN_GENESIS,
  isChainedEventLog,
  logLink,
  rowDigest,
  type ChainedEventLog,
  type LogRow,
} from './common/log-chain';
export {
  preparePrivateDir,
  preparePrivateSqliteFile,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
} from './sqlite/private-files';

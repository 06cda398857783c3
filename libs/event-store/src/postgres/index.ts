export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export {
  POSTGRES_MIGRATIONS,
  migratePostgres,
  type PostgresMigration,
  type PostgresSchema,
} from './postgres-migrations';
export { isConnectionLoss } from './postgres-errors';
export { inTransaction, transactionOn } from './postgres-transaction';

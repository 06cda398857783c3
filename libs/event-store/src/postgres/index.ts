export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { POSTGRES_MIGRATIONS } from './postgres-migrations';

export * from './read-model-store.port';
export * from './projections/streams';
export * from './projections/unhandled-event';
export * from './projections/case-file.projection';
export * from './projections/case-summary.projection';
export * from './projections/benefits.projection';
export * from './projections/standards.projection';
export * from './projections/project-batch';
export * from './projector/checkpoint-signal';
export * from './projector/checkpoints';
export * from './projector/apply-batch';
export * from './projector/projector';
export * from './projector/projector-leadership';
export * from './projector/rebuild';
export * from './projector/projector-holder';
export * from './queries/cursor';
export * from './queries/entitlements';
export * from './queries/read-model-queries';
export * from './queries/position-lag';
export { READ_MODEL_TABLES } from './sql/read-model-tables';
export {
  SqliteReadModelStore,
  type SqliteReadModelStoreOptions,
} from './sqlite/sqlite-read-model-store';
export { READ_MODEL_MIGRATIONS } from './sqlite/sqlite-read-model-migrations';
export {
  PostgresReadModelStore,
  type PostgresReadModelStoreOptions,
} from './postgres/postgres-read-model-store';
export { POSTGRES_READ_MODEL_MIGRATIONS } from './postgres/postgres-read-model-migrations';

/**
 * Advisory lock keys of the event store (bigint keys, one namespace per database; the read-model
 * store's keys are in libs/read-models). Never change one: processes of two versions must agree.
 */
/** Held (per transaction) while the schema is migrated. */
export const MIGRATION_LOCK = 7_310_410;
/** Held (per transaction) by `es_append`: one appender at a time, so positions follow commits. */
export const APPEND_LOCK = 7_310_411;

/**
 * The tables of read-model schema version 4 that hold rows derived from the log (all but the
 * projector's failure record): a migration that changes how rows are derived empties them (the
 * checkpoint last), so the projector derives every row again from position 0. Both engines'
 * migrations 5 and 7 run it: the same SQL in SQLite and PostgreSQL.
 *
 * Frozen with the migrations that use it (never edit a released one): a table created later is
 * not in it, since migration 5 runs where that table does not exist yet; a later migration that
 * derives everything again lists its new tables after this.
 */
const DERIVED_TABLES_OF_VERSION_4 = [
  'rm_case_state',
  'rm_case',
  'rm_case_status',
  'rm_case_category',
  'rm_case_region',
  'rm_standard',
  'rm_roll_line',
  'rm_roll',
  'rm_checkpoint',
] as const;

export const REDERIVE_ALL: string = DERIVED_TABLES_OF_VERSION_4.map(
  (table) => `DELETE FROM ${table};`,
).join('\n');

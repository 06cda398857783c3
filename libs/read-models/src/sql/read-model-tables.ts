/**
 * The read-model tables as both adapters hold them, for the shared Kysely query layer. Flags are
 * INTEGER 0/1 in SQLite and BOOLEAN in PostgreSQL; JSON columns are TEXT in SQLite and JSONB in
 * PostgreSQL; PostgreSQL answers BIGINT and COUNT(*) as strings. The dialect helpers translate.
 */
export type Flag = number | boolean;
export type Count = number | string | bigint;

export interface CheckpointTable {
  projection: string;
  position: string | null;
  events: Count;
}

export interface CaseStateTable {
  case_id: string;
  state: unknown;
  revision: number;
  position: string;
}

export interface CaseTable {
  case_id: string;
  region_code: string;
  risk_level: string | null;
  caseworker_id: string | null;
  birth_date: string;
  eighteenth_birthday: string;
  next_visit_due: string | null;
  identified_at: string;
  categories: unknown;
  /** null once erased */
  child_name: string | null;
  id_number: string | null;
  guardian_kind: string | null;
  guardian_name: string | null;
  guardian_relation: string | null;
  revision: number;
  position: string;
}

/** Dated rows: [from_date, to_date), to_date null while it runs on. */
export interface CaseStatusTable {
  case_id: string;
  seq: number;
  from_date: string;
  to_date: string | null;
  status: string;
  is_open: Flag;
}

/** One row per category held in a period; region_code mirrors the case's (now), for prefixes. */
export interface CaseCategoryTable {
  case_id: string;
  seq: number;
  category: string;
  from_date: string;
  to_date: string | null;
  region_code: string;
}

export interface CaseRegionTable {
  case_id: string;
  seq: number;
  region_code: string;
  from_date: string;
  to_date: string | null;
  pays: Flag;
}

export interface StandardTable {
  stream_id: string;
  revision: number;
  region_code: string;
  category: string;
  monthly_amount_fen: number;
  effective_from: string;
}

export interface RollTable {
  month: string;
  region_code: string;
  issued_at: string;
  total_fen: number | string;
  line_count: number;
}

/** A frozen line; `region_code` the case's village, `roll_region_code` the roll's prefix. */
export interface RollLineTable {
  month: string;
  roll_region_code: string;
  seq: number;
  case_id: string;
  region_code: string;
  programme: string;
  reason: string;
  for_month: string;
  amount_fen: number | string;
  issued_at: string;
}

export interface CaseSignalTable {
  signal_id: string;
  case_id: string;
  region_code: string;
  kind: string;
  roster_kind: string;
  category: string | null;
  as_of: string;
  status: string;
  raised_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

/** The case holding the reservation of a keyed hash of an ID number. */
export interface IdKeyTable {
  id_hash: string;
  case_id: string;
}

export interface ReadModelTables {
  rm_checkpoint: CheckpointTable;
  rm_case_state: CaseStateTable;
  rm_case: CaseTable;
  rm_case_status: CaseStatusTable;
  rm_case_category: CaseCategoryTable;
  rm_case_region: CaseRegionTable;
  rm_standard: StandardTable;
  rm_roll: RollTable;
  rm_roll_line: RollLineTable;
  rm_case_signal: CaseSignalTable;
  rm_id_key: IdKeyTable;
  /** not a read model (no dump, no reset): one row while the projections are stopped */
  rm_projector_failure: { id: number; failure: string };
}

export type ReadModelTable = Exclude<keyof ReadModelTables, 'rm_projector_failure'>;

/** Tables in dump order, each with its primary key (the dump's sort order). */
export const READ_MODEL_TABLES: readonly { table: ReadModelTable; key: readonly string[] }[] = [
  { table: 'rm_checkpoint', key: ['projection'] },
  { table: 'rm_case_state', key: ['case_id'] },
  { table: 'rm_case', key: ['case_id'] },
  { table: 'rm_case_status', key: ['case_id', 'seq'] },
  { table: 'rm_case_category', key: ['case_id', 'seq', 'category'] },
  { table: 'rm_case_region', key: ['case_id', 'seq'] },
  { table: 'rm_standard', key: ['stream_id', 'revision'] },
  { table: 'rm_roll', key: ['month', 'region_code'] },
  { table: 'rm_roll_line', key: ['month', 'roll_region_code', 'seq'] },
  { table: 'rm_case_signal', key: ['signal_id'] },
  { table: 'rm_id_key', key: ['id_hash'] },
];

/** The tables holding one case's rows (a change to the case replaces them all). */
export const CASE_TABLES = [
  'rm_case_state',
  'rm_case',
  'rm_case_status',
  'rm_case_category',
  'rm_case_region',
  'rm_case_signal',
] as const satisfies readonly ReadModelTable[];

/** One step of an adapter's schema, numbered from 1 in order. */
export interface ReadModelMigration {
  version: number;
  description: string;
  up: string;
}

/** Splits long IN lists and multi-row inserts (both engines limit bound parameters). */
export function chunks<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

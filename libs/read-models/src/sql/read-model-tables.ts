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
  status: string;
  is_open: Flag;
  risk_level: string | null;
  caseworker_id: string | null;
  birth_date: string;
  eighteenth_birthday: string;
  next_visit_due: string | null;
  categories: unknown;
  child_name: string;
  id_number: string;
  guardian_kind: string | null;
  guardian_name: string | null;
  guardian_relation: string | null;
  revision: number;
  position: string;
}

export interface CaseCategoryTable {
  case_id: string;
  category: string;
  region_code: string;
  is_open: Flag;
}

export interface ProgrammeTable {
  case_id: string;
  seq: number;
  programme: string;
  from_date: string;
  to_date: string | null;
  fast_track: Flag;
  amount_fen: number | null;
  coverage_share: number | null;
  one_off: Flag;
  end_reason: string | null;
}

export interface ProtectionPeriodTable {
  case_id: string;
  seq: number;
  from_date: string;
  to_date: string | null;
}

export interface GraduationGrantTable {
  case_id: string;
  seq: number;
  graduated_on: string;
  month: string;
  amount_fen: number;
}

export interface StandardTable {
  stream_id: string;
  revision: number;
  region_code: string;
  category: string;
  monthly_amount_fen: number;
  effective_from: string;
}

export interface ReadModelTables {
  rm_checkpoint: CheckpointTable;
  rm_case_state: CaseStateTable;
  rm_case: CaseTable;
  rm_case_category: CaseCategoryTable;
  rm_programme: ProgrammeTable;
  rm_protection_period: ProtectionPeriodTable;
  rm_graduation_grant: GraduationGrantTable;
  rm_standard: StandardTable;
  /** not a read model (no dump, no reset): one row while the projections are stopped */
  rm_projector_failure: { id: number; failure: string };
}

export type ReadModelTable = Exclude<keyof ReadModelTables, 'rm_projector_failure'>;

/** Tables in dump order, each with its primary key (the dump's sort order). */
export const READ_MODEL_TABLES: readonly { table: ReadModelTable; key: readonly string[] }[] = [
  { table: 'rm_checkpoint', key: ['projection'] },
  { table: 'rm_case_state', key: ['case_id'] },
  { table: 'rm_case', key: ['case_id'] },
  { table: 'rm_case_category', key: ['case_id', 'category'] },
  { table: 'rm_programme', key: ['case_id', 'seq'] },
  { table: 'rm_protection_period', key: ['case_id', 'seq'] },
  { table: 'rm_graduation_grant', key: ['case_id', 'seq'] },
  { table: 'rm_standard', key: ['stream_id', 'revision'] },
];

/** The tables holding one case's rows (a change to the case replaces them all). */
export const CASE_TABLES = [
  'rm_case_state',
  'rm_case',
  'rm_case_category',
  'rm_programme',
  'rm_protection_period',
  'rm_graduation_grant',
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

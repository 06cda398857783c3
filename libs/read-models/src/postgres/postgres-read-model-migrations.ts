import { sql, type Kysely } from 'kysely';
import type { ReadModelMigration } from '../sql/read-model-tables';
import { REDERIVE_ALL } from '../sql/rederive-all';

/**
 * Ordered, append-only (never edit a released one). The same tables as SQLite's, in PostgreSQL
 * types: BOOLEAN flags, JSONB for JSON, BIGINT event counts. Keys, dates and region codes are
 * COLLATE "C": ranges and ORDER BY compare bytes, as in SQLite, whatever the database's locale,
 * so the region-prefix ranges and the (region_code, case_id) cursors use the btree indexes.
 */
export const POSTGRES_READ_MODEL_MIGRATIONS: readonly ReadModelMigration[] = [
  {
    version: 1,
    description: 'checkpoints, case summary, categories, programmes, protection, grants, standards',
    up: `
      CREATE TABLE rm_checkpoint (
        projection TEXT COLLATE "C" PRIMARY KEY,
        position   TEXT,
        events     BIGINT NOT NULL DEFAULT 0
      );
      CREATE TABLE rm_case_state (
        case_id  TEXT COLLATE "C" PRIMARY KEY,
        state    JSONB NOT NULL,
        revision INTEGER NOT NULL,
        position TEXT NOT NULL
      );
      CREATE TABLE rm_case (
        case_id             TEXT COLLATE "C" PRIMARY KEY,
        region_code         TEXT COLLATE "C" NOT NULL,
        status              TEXT COLLATE "C" NOT NULL,
        is_open             BOOLEAN NOT NULL,
        risk_level          TEXT COLLATE "C",
        caseworker_id       TEXT COLLATE "C",
        birth_date          TEXT COLLATE "C" NOT NULL,
        eighteenth_birthday TEXT COLLATE "C" NOT NULL,
        next_visit_due      TEXT COLLATE "C",
        categories          JSONB NOT NULL,
        child_name          TEXT NOT NULL,
        id_number           TEXT NOT NULL,
        guardian_kind       TEXT,
        guardian_name       TEXT,
        guardian_relation   TEXT,
        revision            INTEGER NOT NULL,
        position            TEXT NOT NULL
      );
      CREATE INDEX rm_case_by_region ON rm_case (region_code, case_id);
      CREATE INDEX rm_case_by_status ON rm_case (status, region_code, case_id);
      CREATE INDEX rm_case_by_risk ON rm_case (risk_level, region_code, case_id);
      CREATE INDEX rm_case_by_caseworker ON rm_case (caseworker_id, region_code, case_id);
      CREATE INDEX rm_case_open ON rm_case (is_open, region_code)
        INCLUDE (risk_level, next_visit_due, eighteenth_birthday);
      CREATE INDEX rm_case_open_by_caseworker ON rm_case (caseworker_id, is_open, region_code);
      CREATE TABLE rm_case_category (
        case_id     TEXT COLLATE "C" NOT NULL,
        category    TEXT COLLATE "C" NOT NULL,
        region_code TEXT COLLATE "C" NOT NULL,
        is_open     BOOLEAN NOT NULL,
        PRIMARY KEY (case_id, category)
      );
      CREATE INDEX rm_case_category_by_category ON rm_case_category (category, region_code, case_id);
      CREATE INDEX rm_case_category_open ON rm_case_category (is_open, region_code, category);
      CREATE TABLE rm_programme (
        case_id        TEXT COLLATE "C" NOT NULL,
        seq            INTEGER NOT NULL,
        programme      TEXT NOT NULL,
        from_date      TEXT COLLATE "C" NOT NULL,
        to_date        TEXT COLLATE "C",
        fast_track     BOOLEAN NOT NULL,
        amount_fen     INTEGER,
        coverage_share INTEGER,
        one_off        BOOLEAN NOT NULL,
        end_reason     TEXT,
        PRIMARY KEY (case_id, seq)
      );
      CREATE TABLE rm_protection_period (
        case_id   TEXT COLLATE "C" NOT NULL,
        seq       INTEGER NOT NULL,
        from_date TEXT COLLATE "C" NOT NULL,
        to_date   TEXT COLLATE "C",
        PRIMARY KEY (case_id, seq)
      );
      CREATE TABLE rm_graduation_grant (
        case_id      TEXT COLLATE "C" NOT NULL,
        seq          INTEGER NOT NULL,
        graduated_on TEXT COLLATE "C" NOT NULL,
        month        TEXT COLLATE "C" NOT NULL,
        amount_fen   INTEGER NOT NULL,
        PRIMARY KEY (case_id, seq)
      );
      CREATE INDEX rm_graduation_grant_by_month ON rm_graduation_grant (month, case_id);
      CREATE TABLE rm_standard (
        stream_id          TEXT COLLATE "C" NOT NULL,
        revision           INTEGER NOT NULL,
        region_code        TEXT COLLATE "C" NOT NULL,
        category           TEXT COLLATE "C" NOT NULL,
        monthly_amount_fen INTEGER NOT NULL,
        effective_from     TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (stream_id, revision)
      );
    `,
  },
  {
    version: 2,
    description: 'why the projections stopped, for the processes that follow them',
    up: `
      CREATE TABLE rm_projector_failure (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        failure TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    description:
      "who holds the projector lock: its pid, host and program, beside the lock's session",
    up: `
      CREATE TABLE rm_projector_holder (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        backend_pid INTEGER NOT NULL,
        holder      TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    description:
      'timeline: status, category and village periods; issued rolls; every row derived again',
    up: `
      DROP TABLE rm_programme;
      DROP TABLE rm_protection_period;
      DROP TABLE rm_graduation_grant;
      DROP TABLE rm_case_category;
      DROP TABLE rm_case;
      CREATE TABLE rm_case (
        case_id             TEXT COLLATE "C" PRIMARY KEY,
        region_code         TEXT COLLATE "C" NOT NULL,
        risk_level          TEXT COLLATE "C",
        caseworker_id       TEXT COLLATE "C",
        birth_date          TEXT COLLATE "C" NOT NULL,
        eighteenth_birthday TEXT COLLATE "C" NOT NULL,
        next_visit_due      TEXT COLLATE "C",
        categories          JSONB NOT NULL,
        child_name          TEXT NOT NULL,
        id_number           TEXT NOT NULL,
        guardian_kind       TEXT,
        guardian_name       TEXT,
        guardian_relation   TEXT,
        revision            INTEGER NOT NULL,
        position            TEXT NOT NULL
      );
      CREATE INDEX rm_case_by_region ON rm_case (region_code, case_id);
      CREATE INDEX rm_case_by_risk ON rm_case (risk_level, region_code, case_id);
      CREATE INDEX rm_case_by_caseworker ON rm_case (caseworker_id, region_code, case_id);
      CREATE TABLE rm_case_status (
        case_id   TEXT COLLATE "C" NOT NULL,
        seq       INTEGER NOT NULL,
        from_date TEXT COLLATE "C" NOT NULL,
        to_date   TEXT COLLATE "C",
        status    TEXT COLLATE "C" NOT NULL,
        is_open   BOOLEAN NOT NULL,
        PRIMARY KEY (case_id, seq)
      );
      CREATE INDEX rm_case_status_by_status ON rm_case_status (status, from_date);
      CREATE TABLE rm_case_category (
        case_id     TEXT COLLATE "C" NOT NULL,
        seq         INTEGER NOT NULL,
        category    TEXT COLLATE "C" NOT NULL,
        from_date   TEXT COLLATE "C" NOT NULL,
        to_date     TEXT COLLATE "C",
        region_code TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (case_id, seq, category)
      );
      CREATE INDEX rm_case_category_by_category ON rm_case_category (category, region_code, case_id);
      CREATE INDEX rm_case_category_by_region
        ON rm_case_category (region_code, category, from_date, to_date);
      CREATE TABLE rm_case_region (
        case_id     TEXT COLLATE "C" NOT NULL,
        seq         INTEGER NOT NULL,
        region_code TEXT COLLATE "C" NOT NULL,
        from_date   TEXT COLLATE "C" NOT NULL,
        to_date     TEXT COLLATE "C",
        pays        BOOLEAN NOT NULL,
        PRIMARY KEY (case_id, seq)
      );
      CREATE INDEX rm_case_region_paying ON rm_case_region (pays, region_code, from_date);
      CREATE TABLE rm_roll (
        month       TEXT COLLATE "C" NOT NULL,
        region_code TEXT COLLATE "C" NOT NULL,
        issued_at   TEXT COLLATE "C" NOT NULL,
        total_fen   BIGINT NOT NULL,
        line_count  INTEGER NOT NULL,
        PRIMARY KEY (month, region_code)
      );
      CREATE TABLE rm_roll_line (
        month            TEXT COLLATE "C" NOT NULL,
        roll_region_code TEXT COLLATE "C" NOT NULL,
        seq              INTEGER NOT NULL,
        case_id          TEXT COLLATE "C" NOT NULL,
        region_code      TEXT COLLATE "C" NOT NULL,
        programme        TEXT NOT NULL,
        reason           TEXT NOT NULL,
        for_month        TEXT COLLATE "C" NOT NULL,
        amount_fen       BIGINT NOT NULL,
        issued_at        TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (month, roll_region_code, seq)
      );
      CREATE INDEX rm_roll_line_by_case ON rm_roll_line (case_id, for_month);
      CREATE INDEX rm_roll_line_by_region ON rm_roll_line (month, region_code);
      DELETE FROM rm_case_state;
      DELETE FROM rm_standard;
      DELETE FROM rm_checkpoint;
    `,
  },
  {
    version: 5,
    description:
      'caseworkers: when a case was identified, lists by next visit due, identification, birth date; acts and closures in the fold; every row derived again',
    up: `
      ALTER TABLE rm_case ADD COLUMN identified_at TEXT COLLATE "C" NOT NULL DEFAULT '';
      CREATE INDEX rm_case_by_next_visit ON rm_case (COALESCE(next_visit_due, '9999-12-31'), case_id);
      CREATE INDEX rm_case_by_identified ON rm_case (identified_at, case_id);
      CREATE INDEX rm_case_by_birth_date ON rm_case (birth_date, case_id);
      ${REDERIVE_ALL}
      `,
  },
  {
    version: 6,
    description: 'rm_case: the child name and ID number read null once erased (rows kept)',
    up: `
      ALTER TABLE rm_case ALTER COLUMN child_name DROP NOT NULL;
      ALTER TABLE rm_case ALTER COLUMN id_number DROP NOT NULL;
    `,
  },
  {
    version: 7,
    description:
      'monitoring: signals of the cases, keyed hashes of the reservations; every row derived again',
    up: `
      CREATE TABLE rm_case_signal (
        signal_id   TEXT COLLATE "C" PRIMARY KEY,
        case_id     TEXT NOT NULL,
        region_code TEXT COLLATE "C" NOT NULL,
        kind        TEXT NOT NULL,
        roster_kind TEXT NOT NULL,
        category    TEXT,
        as_of       TEXT NOT NULL,
        status      TEXT NOT NULL,
        raised_at   TEXT NOT NULL,
        resolved_at TEXT,
        resolution  TEXT
      );
      CREATE INDEX rm_case_signal_by_case ON rm_case_signal (case_id);
      CREATE INDEX rm_case_signal_by_status ON rm_case_signal (status, region_code, signal_id);
      CREATE TABLE rm_id_key (
        id_hash TEXT PRIMARY KEY,
        case_id TEXT NOT NULL
      );
      CREATE INDEX rm_id_key_by_case ON rm_id_key (case_id);
      ${REDERIVE_ALL}
    `,
  },
];

/** Any number: the advisory lock that keeps two processes from migrating at once. */
const MIGRATION_LOCK = 7_310_402;

/**
 * Brings the schema up to date in one transaction, holding an advisory lock (the api instances
 * and the projector may start together); each version applied is a row of rm_schema_version.
 */
export async function migratePostgresReadModels(
  db: Kysely<unknown>,
  migrations: readonly ReadModelMigration[] = POSTGRES_READ_MODEL_MIGRATIONS,
): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error('read-model migrations must be numbered 1..n in order');
  });
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`CREATE TABLE IF NOT EXISTS rm_schema_version (
      version     INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
    )`.execute(tx);
    const { rows } = await sql<{
      current: number | null;
    }>`SELECT max(version) AS current FROM rm_schema_version`.execute(tx);
    const current = rows[0]?.current ?? 0;
    if (current > migrations.length)
      throw new Error(
        `Read-model schema version ${current} is newer than this code knows (${migrations.length})`,
      );
    for (const m of migrations.slice(current)) {
      await sql.raw(m.up).execute(tx);
      await sql`INSERT INTO rm_schema_version (version, description)
        VALUES (${m.version}, ${m.description})`.execute(tx);
    }
    return migrations.length;
  });
}

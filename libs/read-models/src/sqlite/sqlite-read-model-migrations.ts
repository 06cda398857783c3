import type Database from 'better-sqlite3';
import type { ReadModelMigration } from '../sql/read-model-tables';
import { REDERIVE_ALL } from '../sql/rederive-all';

export type { ReadModelMigration };

/**
 * Ordered, append-only (never edit a released one). PostgreSQL has its own list with the same
 * tables (postgres-read-model-migrations.ts). Region prefixes are matched as ranges on
 * region_code, so the indexes serve them.
 */
export const READ_MODEL_MIGRATIONS: readonly ReadModelMigration[] = [
  {
    version: 1,
    description: 'checkpoints, case summary, categories, programmes, protection, grants, standards',
    up: `
      CREATE TABLE rm_checkpoint (
        projection TEXT PRIMARY KEY,
        position   TEXT,
        events     INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE rm_case_state (
        case_id  TEXT PRIMARY KEY,
        state    TEXT NOT NULL,
        revision INTEGER NOT NULL,
        position TEXT NOT NULL
      );
      CREATE TABLE rm_case (
        case_id             TEXT PRIMARY KEY,
        region_code         TEXT NOT NULL,
        status              TEXT NOT NULL,
        is_open             INTEGER NOT NULL,
        risk_level          TEXT,
        caseworker_id       TEXT,
        birth_date          TEXT NOT NULL,
        eighteenth_birthday TEXT NOT NULL,
        next_visit_due      TEXT,
        categories          TEXT NOT NULL,
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
      CREATE INDEX rm_case_open ON rm_case (is_open, region_code);
      CREATE TABLE rm_case_category (
        case_id     TEXT NOT NULL,
        category    TEXT NOT NULL,
        region_code TEXT NOT NULL,
        is_open     INTEGER NOT NULL,
        PRIMARY KEY (case_id, category)
      );
      CREATE INDEX rm_case_category_by_category ON rm_case_category (category, region_code, case_id);
      CREATE INDEX rm_case_category_open ON rm_case_category (is_open, region_code);
      CREATE TABLE rm_programme (
        case_id        TEXT NOT NULL,
        seq            INTEGER NOT NULL,
        programme      TEXT NOT NULL,
        from_date      TEXT NOT NULL,
        to_date        TEXT,
        fast_track     INTEGER NOT NULL,
        amount_fen     INTEGER,
        coverage_share INTEGER,
        one_off        INTEGER NOT NULL,
        end_reason     TEXT,
        PRIMARY KEY (case_id, seq)
      );
      CREATE TABLE rm_protection_period (
        case_id   TEXT NOT NULL,
        seq       INTEGER NOT NULL,
        from_date TEXT NOT NULL,
        to_date   TEXT,
        PRIMARY KEY (case_id, seq)
      );
      CREATE TABLE rm_graduation_grant (
        case_id      TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        graduated_on TEXT NOT NULL,
        month        TEXT NOT NULL,
        amount_fen   INTEGER NOT NULL,
        PRIMARY KEY (case_id, seq)
      );
      CREATE INDEX rm_graduation_grant_by_month ON rm_graduation_grant (month, case_id);
      CREATE TABLE rm_standard (
        stream_id          TEXT NOT NULL,
        revision           INTEGER NOT NULL,
        region_code        TEXT NOT NULL,
        category           TEXT NOT NULL,
        monthly_amount_fen INTEGER NOT NULL,
        effective_from     TEXT NOT NULL,
        PRIMARY KEY (stream_id, revision)
      );
    `,
  },
  {
    version: 2,
    description: 'covering indexes for the caseload counts',
    up: `
      DROP INDEX rm_case_open;
      CREATE INDEX rm_case_open
        ON rm_case (is_open, region_code, risk_level, next_visit_due, eighteenth_birthday);
      DROP INDEX rm_case_category_open;
      CREATE INDEX rm_case_category_open ON rm_case_category (is_open, region_code, category);
      CREATE INDEX rm_case_open_by_caseworker ON rm_case (caseworker_id, is_open, region_code);
    `,
  },
  {
    version: 3,
    description: 'why the projections stopped, for the processes that follow them',
    up: `
      CREATE TABLE rm_projector_failure (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        failure TEXT NOT NULL
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
        case_id             TEXT PRIMARY KEY,
        region_code         TEXT NOT NULL,
        risk_level          TEXT,
        caseworker_id       TEXT,
        birth_date          TEXT NOT NULL,
        eighteenth_birthday TEXT NOT NULL,
        next_visit_due      TEXT,
        categories          TEXT NOT NULL,
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
        case_id   TEXT NOT NULL,
        seq       INTEGER NOT NULL,
        from_date TEXT NOT NULL,
        to_date   TEXT,
        status    TEXT NOT NULL,
        is_open   INTEGER NOT NULL,
        PRIMARY KEY (case_id, seq)
      );
      CREATE INDEX rm_case_status_by_status ON rm_case_status (status, from_date);
      CREATE TABLE rm_case_category (
        case_id     TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        category    TEXT NOT NULL,
        from_date   TEXT NOT NULL,
        to_date     TEXT,
        region_code TEXT NOT NULL,
        PRIMARY KEY (case_id, seq, category)
      );
      CREATE INDEX rm_case_category_by_category ON rm_case_category (category, region_code, case_id);
      CREATE INDEX rm_case_category_by_region
        ON rm_case_category (region_code, category, from_date, to_date);
      CREATE TABLE rm_case_region (
        case_id     TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        region_code TEXT NOT NULL,
        from_date   TEXT NOT NULL,
        to_date     TEXT,
        pays        INTEGER NOT NULL,
        PRIMARY KEY (case_id, seq)
      );
      CREATE INDEX rm_case_region_paying ON rm_case_region (pays, region_code, from_date);
      CREATE TABLE rm_roll (
        month       TEXT NOT NULL,
        region_code TEXT NOT NULL,
        issued_at   TEXT NOT NULL,
        total_fen   INTEGER NOT NULL,
        line_count  INTEGER NOT NULL,
        PRIMARY KEY (month, region_code)
      );
      CREATE TABLE rm_roll_line (
        month            TEXT NOT NULL,
        roll_region_code TEXT NOT NULL,
        seq              INTEGER NOT NULL,
        case_id          TEXT NOT NULL,
        region_code      TEXT NOT NULL,
        programme        TEXT NOT NULL,
        reason           TEXT NOT NULL,
        for_month        TEXT NOT NULL,
        amount_fen       INTEGER NOT NULL,
        issued_at        TEXT NOT NULL,
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
      ALTER TABLE rm_case ADD COLUMN identified_at TEXT NOT NULL DEFAULT '';
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
      CREATE TABLE rm_case_v6 (
        case_id             TEXT PRIMARY KEY,
        region_code         TEXT NOT NULL,
        risk_level          TEXT,
        caseworker_id       TEXT,
        birth_date          TEXT NOT NULL,
        eighteenth_birthday TEXT NOT NULL,
        next_visit_due      TEXT,
        categories          TEXT NOT NULL,
        child_name          TEXT,
        id_number           TEXT,
        guardian_kind       TEXT,
        guardian_name       TEXT,
        guardian_relation   TEXT,
        revision            INTEGER NOT NULL,
        position            TEXT NOT NULL,
        identified_at       TEXT NOT NULL DEFAULT ''
      );
      INSERT INTO rm_case_v6 SELECT * FROM rm_case;
      DROP TABLE rm_case;
      ALTER TABLE rm_case_v6 RENAME TO rm_case;
      CREATE INDEX rm_case_by_region ON rm_case (region_code, case_id);
      CREATE INDEX rm_case_by_risk ON rm_case (risk_level, region_code, case_id);
      CREATE INDEX rm_case_by_caseworker ON rm_case (caseworker_id, region_code, case_id);
      CREATE INDEX rm_case_by_next_visit ON rm_case (COALESCE(next_visit_due, '9999-12-31'), case_id);
      CREATE INDEX rm_case_by_identified ON rm_case (identified_at, case_id);
      CREATE INDEX rm_case_by_birth_date ON rm_case (birth_date, case_id);
    `,
  },
  {
    version: 7,
    description:
      'monitoring: signals of the cases, keyed hashes of the reservations; every row derived again',
    up: `
      CREATE TABLE rm_case_signal (
        signal_id   TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL,
        region_code TEXT NOT NULL,
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

/** Brings the schema up to date in one IMMEDIATE transaction (the version in user_version). */
export function migrateReadModels(
  db: Database.Database,
  migrations: readonly ReadModelMigration[] = READ_MODEL_MIGRATIONS,
): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error('read-model migrations must be numbered 1..n in order');
  });
  return db
    .transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > migrations.length)
        throw new Error(
          `Read-model schema version ${current} is newer than this code knows (${migrations.length})`,
        );
      for (const m of migrations.slice(current)) {
        db.exec(m.up);
        db.pragma(`user_version = ${m.version}`);
      }
      return migrations.length;
    })
    .immediate();
}

import type Database from 'better-sqlite3';
import { LOG_CHAIN_GENESIS, logLink, rowDigest } from '../common/log-chain';
import type { EventRow } from '../common/event-rows';

export interface Migration {
  version: number;
  description: string;
  up: string;
  /** runs after `up`, in the same transaction: fills what SQL alone cannot compute */
  fill?: (db: Database.Database) => void;
}

/**
 * Ordered, append-only: never edit a released migration, add the next version instead.
 * The applied version is kept in `PRAGMA user_version`, which is written in the same
 * transaction as the migration's DDL, so a crash leaves either the old or the new schema.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events table: global position, unique (stream, revision), unique event id',
    up: `
      CREATE TABLE events (
        -- rowid alias, assigned max+1 under the write lock: a gap-free global sequence starting at 1
        position    INTEGER PRIMARY KEY,
        id          TEXT    NOT NULL,
        stream_id   TEXT    NOT NULL,
        revision    INTEGER NOT NULL CHECK (revision >= 0),
        type        TEXT    NOT NULL,
        data        TEXT    NOT NULL,
        metadata    TEXT    NOT NULL,
        recorded_at TEXT    NOT NULL
      );
      CREATE UNIQUE INDEX events_stream_revision ON events (stream_id, revision);
      CREATE UNIQUE INDEX events_id ON events (id);
    `,
  },
  {
    version: 2,
    description:
      'events.log_hash: the global hash chain (common/log-chain.ts), filled for older rows',
    up: `ALTER TABLE events ADD COLUMN log_hash TEXT;`,
    fill: fillLogChain,
  },
];

/** Links every row of an older file, in position order (one pass, one row in memory at a time). */
function fillLogChain(db: Database.Database): void {
  const rows = db
    .prepare(
      'SELECT position, id, stream_id, revision, type, data, metadata, recorded_at FROM events ORDER BY position',
    )
    .safeIntegers(true);
  const update = db.prepare('UPDATE events SET log_hash = ? WHERE position = ?').safeIntegers(true);
  let previous = LOG_CHAIN_GENESIS;
  const links: [string, bigint][] = [];
  for (const row of rows.iterate() as Iterable<SqliteEventRow>) {
    previous = logLink(previous, String(row.position), row.stream_id, rowDigest(rowOf(row)));
    links.push([previous, row.position]);
  }
  for (const [hash, position] of links) update.run(hash, position);
}

/** A row as this fill reads it: integers as bigints, the recording time as ISO text. */
type SqliteEventRow = EventRow & { position: bigint; revision: bigint; recorded_at: string };

const rowOf = (row: SqliteEventRow) => ({
  id: row.id,
  revision: row.revision,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});

export const LATEST_SCHEMA_VERSION = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1].version;

/** Brings the schema to the latest version; safe when several processes open the file at once. */
export function migrate(db: Database.Database, migrations = SQLITE_MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`SQLite migrations must be numbered 1..n in order`);
  });
  const latest = migrations.length;
  // IMMEDIATE takes the write lock before reading the version, so two openers cannot both migrate.
  return db
    .transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > latest) {
        throw new Error(
          `Event store schema version ${current} is newer than this code knows (${latest}); upgrade the application`,
        );
      }
      for (const m of migrations.slice(current)) {
        db.exec(m.up);
        m.fill?.(db);
        db.pragma(`user_version = ${m.version}`);
      }
      return latest;
    })
    .immediate();
}

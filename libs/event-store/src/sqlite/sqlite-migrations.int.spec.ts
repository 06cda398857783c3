import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, SQLITE_MIGRATIONS, migrate } from './sqlite-migrations';
import { SqliteEventStore } from './sqlite-event-store';
import { tempDatabase } from './testing/temp-database';
import { openSqliteConnection, WAL_AUTOCHECKPOINT_PAGES } from './sqlite-connection';

describe('SQLite schema migrations', () => {
  let db: ReturnType<typeof tempDatabase>;
  beforeEach(() => (db = tempDatabase()));
  afterEach(() => db.remove());

  const userVersion = () => {
    const conn = new Database(db.filename, { readonly: true });
    try {
      return conn.pragma('user_version', { simple: true });
    } finally {
      conn.close();
    }
  };

  it('creates the latest schema on a new file, in WAL mode, and is a no-op when reopened', async () => {
    await new SqliteEventStore({ filename: db.filename }).close();
    expect(userVersion()).toBe(LATEST_SCHEMA_VERSION);
    const conn = new Database(db.filename);
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(conn)).toBe(LATEST_SCHEMA_VERSION);
    conn.close();
  });

  it("opens the store's connection with its durability and checkpoint settings", () => {
    const conn = openSqliteConnection(db.filename, 1000);
    try {
      expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(conn.pragma('synchronous', { simple: true })).toBe(2); // FULL: an fsync per commit
      expect(conn.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    } finally {
      conn.close();
    }
  });

  it('applies only the migrations after the recorded version, in order', () => {
    const conn = new Database(db.filename);
    const next = LATEST_SCHEMA_VERSION + 1;
    const extra = [
      ...SQLITE_MIGRATIONS,
      { version: next, description: 'test', up: 'CREATE TABLE extra (x INTEGER)' },
    ];
    migrate(conn);
    expect(migrate(conn, extra)).toBe(next);
    expect(conn.pragma('user_version', { simple: true })).toBe(next);
    expect(migrate(conn, extra)).toBe(next); // would fail with "table extra already exists" if re-run
    conn.close();
  });

  it('rolls a failing migration back whole, keeping the old version', () => {
    const conn = new Database(db.filename);
    migrate(conn);
    const broken = [
      ...SQLITE_MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        description: 'broken',
        up: 'CREATE TABLE half (x); SELECT * FROM missing',
      },
    ];
    expect(() => migrate(conn, broken)).toThrow(/missing/);
    expect(conn.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(
      conn.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(),
    ).toBeUndefined();
    conn.close();
  });

  it('refuses a file written by a newer schema, and refuses misnumbered migrations', () => {
    const conn = new Database(db.filename);
    conn.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    conn.close();
    expect(() => new SqliteEventStore({ filename: db.filename })).toThrow(/newer/);
    const gap = [{ version: 2, description: 'x', up: '' }];
    expect(() => migrate(new Database(':memory:'), gap)).toThrow(/numbered/);
  });
});

import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { Precompiled } from './precompiled';

type Tables = { item: { id: string; label: string } };

describe('Precompiled', () => {
  let raw: Database.Database;
  let db: Kysely<Tables>;

  beforeEach(async () => {
    raw = new Database(':memory:');
    raw.exec(
      "CREATE TABLE item (id TEXT PRIMARY KEY, label TEXT); INSERT INTO item VALUES ('a', 'one'), ('b', 'two')",
    );
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  });

  afterEach(() => db.destroy());

  it('runs the query compiled once with the values of each call', async () => {
    const byId = new Precompiled(
      (id) => db.selectFrom('item').select(['id', 'label']).where('id', '=', id),
      ['\u0000id'],
    );
    expect(await byId.rows(db, 'a')).toEqual([{ id: 'a', label: 'one' }]);
    expect(await byId.rows(db, 'b')).toEqual([{ id: 'b', label: 'two' }]);
    expect(await byId.rows(db, 'c')).toEqual([]);
  });

  it('keeps the parameters it did not replace', async () => {
    const labelled = new Precompiled(
      (id) => db.selectFrom('item').select('id').where('id', '=', id).where('label', '=', 'two'),
      ['\u0000id'],
    );
    expect(await labelled.rows(db, 'a')).toEqual([]);
    expect(await labelled.rows(db, 'b')).toEqual([{ id: 'b' }]);
  });

  it('refuses a placeholder the query inlines instead of binding', () => {
    expect(
      () =>
        new Precompiled(
          (id) => db.selectFrom('item').selectAll().where('id', '=', sql.lit(id)),
          ['\u0000id'],
        ),
    ).toThrow('placeholder');
  });

  it('refuses a placeholder bound twice (a run would replace only one of them)', () => {
    expect(
      () =>
        new Precompiled(
          (id) => db.selectFrom('item').selectAll().where('id', '=', id).where('label', '!=', id),
          ['\u0000id'],
        ),
    ).toThrow('exactly once');
  });
});

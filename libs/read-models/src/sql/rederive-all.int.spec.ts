import Database from 'better-sqlite3';
import { POSTGRES_READ_MODEL_MIGRATIONS } from '../postgres/postgres-read-model-migrations';
import { migrateReadModels, READ_MODEL_MIGRATIONS } from '../sqlite/sqlite-read-model-migrations';
import { REDERIVE_ALL } from './rederive-all';

const tablesOf = (db: Database.Database): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);

describe('REDERIVE_ALL', () => {
  it('empties every derived table of schema version 4, the checkpoint last, and only those', () => {
    const db = new Database(':memory:');
    migrateReadModels(db, READ_MODEL_MIGRATIONS.slice(0, 4));
    const emptied = [...REDERIVE_ALL.matchAll(/^DELETE FROM (\w+);$/gm)].map((m) => m[1]);
    expect(emptied.length).toBe(REDERIVE_ALL.split('\n').length);
    // the projector's failure record is not derived from the log
    const derived = tablesOf(db).filter((t) => t !== 'rm_projector_failure');
    expect([...emptied].sort()).toEqual(derived);
    expect(emptied.at(-1)).toBe('rm_checkpoint');
    db.close();
  });

  it('is what migrations 5 and 7 of both engines run after their own changes', () => {
    for (const migrations of [READ_MODEL_MIGRATIONS, POSTGRES_READ_MODEL_MIGRATIONS])
      for (const version of [5, 7])
        expect(migrations[version - 1].up.trimEnd().endsWith(REDERIVE_ALL)).toBe(true);
  });

  it('leaves a store migrated from version 4 with no derived row, so all is projected again', () => {
    const db = new Database(':memory:');
    migrateReadModels(db, READ_MODEL_MIGRATIONS.slice(0, 4));
    db.prepare('INSERT INTO rm_checkpoint (projection, position, events) VALUES (?, ?, ?)').run(
      'case-summary',
      '5',
      5,
    );
    migrateReadModels(db, READ_MODEL_MIGRATIONS);
    expect(db.prepare('SELECT COUNT(*) AS n FROM rm_checkpoint').get()).toEqual({ n: 0 });
    db.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readModelStoreContract } from '../testing/read-model-store.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import { READ_MODEL_MIGRATIONS } from './sqlite-read-model-migrations';

function tempFile(): { filename: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
  return {
    filename: join(dir, 'read-models.sqlite'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

readModelStoreContract('sqlite', async () => {
  const file = tempFile();
  const store = new SqliteReadModelStore({ filename: file.filename });
  return {
    store,
    cleanup: async () => {
      await store.close();
      file.remove();
    },
  };
});

describe('SqliteReadModelStore', () => {
  it('creates its schema once, at the latest version, in WAL mode', async () => {
    const file = tempFile();
    try {
      await new SqliteReadModelStore({ filename: file.filename }).close();
      const reopened = new SqliteReadModelStore({ filename: file.filename });
      await reopened.close();
      const db = new Database(file.filename);
      expect(db.pragma('user_version', { simple: true })).toBe(READ_MODEL_MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      file.remove();
    }
  });

  it('serves a region filter from an index', async () => {
    const file = tempFile();
    try {
      const store = new SqliteReadModelStore({ filename: file.filename });
      await store.close();
      const db = new Database(file.filename);
      const plan = db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT c.* FROM rm_case c WHERE (c.region_code >= ? AND c.region_code < ?)' +
            ' ORDER BY c.region_code, c.case_id LIMIT 20',
        )
        .all('3703', '3703:') as { detail: string }[];
      db.close();
      expect(plan.map((p) => p.detail).join(' ')).toMatch(
        /USING (COVERING )?INDEX rm_case_by_region/,
      );
    } finally {
      file.remove();
    }
  });
});

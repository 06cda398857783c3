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
    peer: async () => new SqliteReadModelStore({ filename: file.filename }),
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

  it.each([
    [
      'a region page',
      'SELECT c.* FROM rm_case c WHERE (c.region_code >= ? AND c.region_code < ?)' +
        ' ORDER BY c.region_code, c.case_id LIMIT 20',
      /INDEX rm_case_by_region/,
    ],
    [
      'a category page',
      'SELECT c.* FROM rm_case_category k JOIN rm_case c ON c.case_id = k.case_id' +
        " WHERE (k.region_code >= ? AND k.region_code < ?) AND k.category = 'ORPHAN'" +
        ' ORDER BY k.region_code, k.case_id LIMIT 20',
      /INDEX rm_case_category_by_category/,
    ],
    [
      'the caseload of a region',
      'SELECT c.risk_level, COUNT(*) FROM rm_case c WHERE c.is_open = 1' +
        ' AND (c.region_code >= ? AND c.region_code < ?) GROUP BY c.risk_level',
      /COVERING INDEX rm_case_open/,
    ],
  ])('serves %s from an index', async (_what, sql, index) => {
    const file = tempFile();
    try {
      await new SqliteReadModelStore({ filename: file.filename }).close();
      const db = new Database(file.filename);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('3703', '3703:') as {
        detail: string;
      }[];
      db.close();
      expect(plan.map((p) => p.detail).join(' ')).toMatch(index);
      expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/SCAN c\b|SCAN k\b/);
    } finally {
      file.remove();
    }
  });
});

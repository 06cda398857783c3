import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { ReadModelReader } from '../sql/read-model-reader';
import type { ReadModelTables } from '../sql/read-model-tables';
import { readModelStoreContract } from '../testing/read-model-store.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import { sqliteDialect } from './sqlite-dialect';
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

  it('sets its writer for bulk writes while they run and back after, failed or not', async () => {
    const file = tempFile();
    const store = new SqliteReadModelStore({ filename: file.filename });
    const fresh = new Database(':memory:');
    const defaultCache = fresh.pragma('cache_size', { simple: true }) as number;
    fresh.close();
    const pragmas = jest.spyOn(Database.prototype, 'pragma');
    try {
      const set = () => pragmas.mock.calls.map(([source]) => source).filter((s) => s.includes('='));
      let during: string[] = [];
      await expect(
        store.bulkWrites(async () => {
          during = set();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(during).toEqual(['cache_size = -262144', 'wal_autocheckpoint = 100000']);
      expect(set().slice(2)).toEqual(['wal_autocheckpoint = 1000', `cache_size = ${defaultCache}`]);
      expect(pragmas.mock.calls.at(-1)?.[0]).toBe('wal_checkpoint(PASSIVE)');
    } finally {
      pragmas.mockRestore();
      await store.close();
      file.remove();
    }
  });

  /** The reader's own SQL, as Kysely compiles it, with the parameters it binds. */
  function readerOn(filename: string) {
    const db = new Database(filename);
    const queries: { sql: string; parameters: readonly unknown[] }[] = [];
    const kysely = new Kysely<ReadModelTables>({
      dialect: new SqliteDialect({ database: db }),
      log: (event) => {
        if (event.level === 'query') queries.push(event.query);
      },
    });
    const plans = () =>
      queries
        .filter((q) => /^select/i.test(q.sql))
        .map((q) =>
          (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as { detail: string }[])
            .map((p) => p.detail)
            .join('; '),
        );
    return {
      reader: new ReadModelReader(kysely, sqliteDialect),
      plans,
      close: () => kysely.destroy(),
    };
  }

  it.each([
    [
      'a region page and its total',
      (r: ReadModelReader) =>
        r.findCases({
          regions: ['3703', '3301'],
          on: '2026-11-20',
          after: { value: '370303001001', caseId: 'x' },
          limit: 20,
        }),
      /INDEX rm_case_(category_)?by_region/,
    ],
    [
      'a category page and its total',
      (r: ReadModelReader) =>
        r.findCases({ regions: ['3703'], on: '2026-11-20', category: 'ORPHAN', limit: 20 }),
      /INDEX rm_case_category_by_category/,
    ],
    [
      'the caseload of a region',
      (r: ReadModelReader) =>
        r.caseload({
          regions: ['3703'],
          asOf: '2026-11-20',
          overdueBefore: '2026-11-20',
          turning18From: '2026-11-20',
          turning18To: '2027-02-18',
        }),
      /INDEX rm_case_(category_)?by_region/,
    ],
  ])('serves %s from an index', async (_what, read, index) => {
    const file = tempFile();
    try {
      await new SqliteReadModelStore({ filename: file.filename }).close();
      const { reader, plans, close } = readerOn(file.filename);
      await read(reader);
      const seen = plans();
      await close();
      expect(seen.length).toBeGreaterThan(0);
      for (const plan of seen) {
        expect(plan).toMatch(index);
        expect(plan).not.toMatch(/SCAN [ck]\b/);
      }
    } finally {
      file.remove();
    }
  });

  it('walks a page of every case by next visit due along its index, sorting nothing', async () => {
    const file = tempFile();
    try {
      await new SqliteReadModelStore({ filename: file.filename }).close();
      const { reader, plans, close } = readerOn(file.filename);
      await reader.findCases({
        regions: null,
        on: '2026-11-20',
        orderBy: 'NEXT_VISIT_DUE',
        after: { value: '2026-11-20', caseId: 'x' },
        limit: 20,
      });
      const seen = plans();
      await close();
      expect(seen[0]).toMatch(/INDEX rm_case_by_next_visit/);
      expect(seen.join('\n')).not.toMatch(/TEMP B-TREE/);
    } finally {
      file.remove();
    }
  });
});

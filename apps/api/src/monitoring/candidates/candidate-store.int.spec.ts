import { mkdtempSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import type { CandidateStore, StagedCandidate } from './candidate-store.port';
import { postgresCandidateRunner } from './postgres/postgres-runner';
import { SqlCandidateStore } from './sql-candidate-store';
import { sqliteCandidateRunner } from './sqlite/sqlite-runner';

const staged = (n: number, region = '370303001001'): StagedCandidate => ({
  id: `c-${n}`,
  idHash: `h-${n}`,
  idNumber: `id-${n}`,
  name: `name-${n}`,
  regionCode: region,
});

const firstImport = {
  rosterKind: 'MINIMUM_LIVING',
  asOf: '2026-10-01',
  at: '2026-10-02T00:00:00Z',
} as const;

/** What every candidate store does (SQLite and PostgreSQL run the same SQL). */
function candidateStoreContract(open: () => Promise<CandidateStore>): void {
  let store: CandidateStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.shutdown());

  const firstImport = {
    rosterKind: 'MINIMUM_LIVING',
    asOf: '2026-10-01',
    at: '2026-10-02T00:00:00Z',
  } as const;

  it('merges an import batch by batch, gains roster kinds, widens the dates, counts a child once', async () => {
    expect(await store.merge('i1', [staged(1), staged(2), staged(1)], firstImport)).toBe(2);
    // a later batch of the same import: the child listed again keeps its first row, counts once
    expect(
      await store.merge('i1', [{ ...staged(1), id: 'c-8', name: 'later' }, staged(4)], firstImport),
    ).toBe(1);
    expect((await store.find('c-1'))?.name).toBe('name-1');
    expect(
      await store.merge('i2', [{ ...staged(1), id: 'c-9' }], {
        rosterKind: 'SCHOOL_DROPOUT',
        asOf: '2026-09-01',
        at: '2026-10-03T00:00:00Z',
      }),
    ).toBe(1);
    expect(await store.merge('i3', [], firstImport)).toBe(0);
    const page = await store.list({ regions: ['3703'], limit: 10 });
    expect(page.totalCount).toBe(3);
    expect(page.rows.map((c) => [c.id, c.rosterKinds, c.firstSeenOn, c.lastSeenOn])).toEqual([
      ['c-1', ['MINIMUM_LIVING', 'SCHOOL_DROPOUT'], '2026-09-01', '2026-10-01'],
      ['c-2', ['MINIMUM_LIVING'], '2026-10-01', '2026-10-01'],
      ['c-4', ['MINIMUM_LIVING'], '2026-10-01', '2026-10-01'],
    ]);
    expect((await store.list({ regions: ['3301'], limit: 10 })).totalCount).toBe(0);
    expect(
      (await store.list({ regions: null, after: 'c-1', limit: 10 })).rows.map((c) => c.id),
    ).toEqual(['c-2', 'c-4']);
  });

  it('closes a candidate as a case, and erases the ones past retention', async () => {
    await store.merge('i1', [staged(1), staged(2)], firstImport);
    expect(await store.closeCandidate('c-1', 'case-1', '2026-10-05T00:00:00Z')).toBe(true);
    expect(await store.closeCandidate('c-1', 'case-1', '2026-10-05T00:00:00Z')).toBe(false);
    expect(await store.closedAs('c-1')).toBe('case-1');
    expect(await store.find('c-1')).toBeNull();
    expect(await store.eraseSeenBefore('2026-10-01T00:00:00Z')).toBe(0);
    expect(await store.eraseSeenBefore('2026-12-31T00:00:00Z')).toBe(1);
    expect(await store.find('c-2')).toBeNull();
  });
}

describe('the SQLite candidate store', () => {
  candidateStoreContract(
    async () =>
      new SqlCandidateStore(
        sqliteCandidateRunner(join(mkdtempSync(join(tmpdir(), 'cand-')), 'm.sqlite')),
      ),
  );

  it('opens a file of the first version (no last_import column), its candidates kept', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cand-')), 'm.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE mon_candidate (
      id TEXT PRIMARY KEY, id_hash TEXT NOT NULL UNIQUE, region_code TEXT NOT NULL,
      name TEXT NOT NULL, id_number TEXT NOT NULL, roster_kinds TEXT NOT NULL,
      first_seen_on TEXT NOT NULL, last_seen_on TEXT NOT NULL, seen_at TEXT NOT NULL)`);
    old
      .prepare(
        `INSERT INTO mon_candidate VALUES ('c-1', 'h-1', '370303001001', 'n', 'i',
        'SCHOOL_DROPOUT', '2026-09-01', '2026-09-01', '2026-09-02T00:00:00Z')`,
      )
      .run();
    old.close();
    const store = new SqlCandidateStore(sqliteCandidateRunner(file));
    try {
      expect(await store.merge('i1', [staged(1)], firstImport)).toBe(1);
      expect((await store.find('c-1'))?.rosterKinds).toEqual(['SCHOOL_DROPOUT', 'MINIMUM_LIVING']);
    } finally {
      await store.shutdown();
    }
  });
});

describeWithPostgres('the PostgreSQL candidate store', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());
  candidateStoreContract(async () => new SqlCandidateStore(postgresCandidateRunner(db.url)));
});

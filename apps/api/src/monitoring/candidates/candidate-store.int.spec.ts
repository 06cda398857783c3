import { mkdtempSync } from 'node:fs';
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

/** What every candidate store does (SQLite and PostgreSQL run the same SQL). */
function candidateStoreContract(open: () => Promise<CandidateStore>): void {
  let store: CandidateStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.shutdown());

  it('merges an import, gains roster kinds, widens the dates, and drops a repeat', async () => {
    await store.stage('i1', [staged(1), staged(2), staged(1)]);
    expect(
      await store.commit('i1', {
        rosterKind: 'MINIMUM_LIVING',
        asOf: '2026-10-01',
        at: '2026-10-02T00:00:00Z',
      }),
    ).toBe(2);
    await store.stage('i2', [{ ...staged(1), id: 'c-9' }]);
    await store.commit('i2', {
      rosterKind: 'SCHOOL_DROPOUT',
      asOf: '2026-09-01',
      at: '2026-10-03T00:00:00Z',
    });
    await store.stage('i3', [staged(3)]);
    await store.drop('i3');
    const page = await store.list({ regions: ['3703'], limit: 10 });
    expect(page.totalCount).toBe(2);
    expect(page.rows.map((c) => [c.id, c.rosterKinds, c.firstSeenOn, c.lastSeenOn])).toEqual([
      ['c-1', ['MINIMUM_LIVING', 'SCHOOL_DROPOUT'], '2026-09-01', '2026-10-01'],
      ['c-2', ['MINIMUM_LIVING'], '2026-10-01', '2026-10-01'],
    ]);
    expect((await store.list({ regions: ['3301'], limit: 10 })).totalCount).toBe(0);
    expect(
      (await store.list({ regions: null, after: 'c-1', limit: 10 })).rows.map((c) => c.id),
    ).toEqual(['c-2']);
  });

  it('closes a candidate as a case, and erases the ones past retention', async () => {
    await store.stage('i1', [staged(1), staged(2)]);
    await store.commit('i1', {
      rosterKind: 'MINIMUM_LIVING',
      asOf: '2026-10-01',
      at: '2026-10-02T00:00:00Z',
    });
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
});

describeWithPostgres('the PostgreSQL candidate store', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());
  candidateStoreContract(async () => new SqlCandidateStore(postgresCandidateRunner(db.url)));
});

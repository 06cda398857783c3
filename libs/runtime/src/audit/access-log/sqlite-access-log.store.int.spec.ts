import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { accessLogStoreContract, accessRecord } from './testing/access-log-store.contract';
import { SqliteAccessLogStore } from './sqlite-access-log.store';

describe('the SQLite access log', () => {
  let dir: string;
  let filename: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'access-log-'));
    filename = join(dir, 'access-log.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  accessLogStoreContract('SQLite', async () => new SqliteAccessLogStore(filename));

  it('shares one transaction among appends queued together', async () => {
    const store = new SqliteAccessLogStore(filename);
    await Promise.all([1, 2, 3].map((n) => store.append([accessRecord(`case-${n}`, n)])));
    expect(store.stats).toEqual({ commits: 1, appends: 3 });
    await store.close();
    const db = new Database(filename, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM access_reads').pluck().get()).toBe(3);
    db.close();
  });
});

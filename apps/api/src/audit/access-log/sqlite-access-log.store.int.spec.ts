import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AccessRecord } from './access-log.port';
import { SqliteAccessLogStore } from './sqlite-access-log.store';

const record = (caseId: string, n: number): AccessRecord => ({
  at: `2026-03-01T02:00:0${n}.000Z`,
  actor: { id: 'court-1', role: 'COURT', agency: '某区人民法院' },
  correlationId: `req-${n}`,
  caseId,
  fields: ['name', 'idNumber'],
});

describe('the SQLite access log', () => {
  let dir: string;
  let filename: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'access-log-'));
    filename = join(dir, 'access-log.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the reads of one case, oldest first, after a reopen', async () => {
    const store = new SqliteAccessLogStore(filename);
    await store.append([record('case-a', 1), record('case-b', 1)]);
    await store.append([record('case-a', 2)]);
    await store.close();
    const reopened = new SqliteAccessLogStore(filename);
    expect(await reopened.forCase('case-a')).toEqual([record('case-a', 1), record('case-a', 2)]);
    expect(await reopened.forCase('case-c')).toEqual([]);
    await reopened.close();
  });

  it('shares one transaction among appends queued together', async () => {
    const store = new SqliteAccessLogStore(filename);
    await Promise.all([1, 2, 3].map((n) => store.append([record(`case-${n}`, n)])));
    expect(store.stats).toEqual({ commits: 1, appends: 3 });
    await store.close();
    const db = new Database(filename, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM access_reads').pluck().get()).toBe(3);
    db.close();
  });

  it('refuses appends once closed', async () => {
    const store = new SqliteAccessLogStore(filename);
    await store.close();
    await expect(store.append([record('case-a', 1)])).rejects.toThrow('closed');
  });
});

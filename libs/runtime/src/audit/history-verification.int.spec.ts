import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { chainHash, type BusinessMetadata } from '@app/domain';
import { SqliteEventStore, type EventToAppend } from '@app/event-store';
import { tempDatabase } from '@app/event-store/sqlite/testing/temp-database';
import { CaseNotFound } from '../errors/app-errors';
import {
  caseIdsInLog,
  readCaseEvents,
  verifyAllCases,
  verifyHistory,
} from './history-verification';

const business = (n: number): BusinessMetadata => ({
  actor: { id: 'director-1', role: 'CHILD_DIRECTOR' },
  occurredAt: `2026-03-0${n + 1}T09:00:00+08:00`,
  recordedAt: `2026-03-0${n + 1}T09:00:05.000Z`,
  correlationId: `corr-${n}`,
  causationId: null,
});

/** Visits chained as the command path chains them. */
function chained(count: number): EventToAppend[] {
  let previous: string | undefined;
  return Array.from({ length: count }, (_, n) => {
    const type = 'VisitRecorded';
    const data = { visitedAt: business(n).occurredAt, notes: null };
    const hash = chainHash({ type, data, metadata: business(n), previousHash: previous });
    const metadata = { ...business(n), hash, ...(previous ? { previousHash: previous } : {}) };
    previous = hash;
    return { id: randomUUID(), type, data, metadata };
  });
}

describe('verifying the hash chains of a store', () => {
  const db = tempDatabase();
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = new SqliteEventStore({ filename: db.filename });
    await store.appendToStream('case-a', chained(3));
    await store.appendToStream('benefit-standard-3703-ORPHAN', chained(1));
    await store.appendToStream('case-b', chained(2));
    await store.appendToStream('case-a', chained(4).slice(3), { expectedRevision: 2n });
  });
  afterAll(async () => {
    await store.close();
    db.remove();
  });

  it('finds the case streams of the log, in order of first appearance', async () => {
    expect(await caseIdsInLog(store)).toEqual(['a', 'b']);
  });

  it('holds for streams written as the command path writes them', async () => {
    expect(verifyHistory(await readCaseEvents(store, 'a'))).toEqual({
      events: 4,
      valid: true,
      brokenAtRevision: null,
    });
    expect(await verifyAllCases(store, ['a', 'b'])).toEqual({ cases: 2, events: 6, broken: [] });
  });

  it('answers NOT_FOUND for a case never written', async () => {
    await expect(readCaseEvents(store, 'nobody')).rejects.toBeInstanceOf(CaseNotFound);
  });

  it('names the first edited revision, and a stream it cannot read at all', async () => {
    const raw = new Database(db.filename);
    raw
      .prepare(
        `UPDATE events SET data = json_set(data, '$.notes', 'x') WHERE stream_id = ? AND revision = ?`,
      )
      .run('case-a', 1);
    raw
      .prepare(`UPDATE events SET data = 'not json' WHERE stream_id = ? AND revision = ?`)
      .run('case-b', 0);
    raw.close();
    const seen: string[] = [];
    const result = await verifyAllCases(store, ['a', 'b'], (id) => seen.push(id));
    expect(result.broken).toEqual([
      { caseId: 'a', brokenAtRevision: 1 },
      { caseId: 'b', brokenAtRevision: null },
    ]);
    expect(seen).toEqual(['a', 'b']);
  });
});

import { CheckpointSignal, type CaseSnapshot } from '@app/read-models';
import { CaseReadCache } from './case-read-cache';

const stored = (caseId: string, revision: number) =>
  ({ state: { id: caseId }, revision, position: '1' }) as unknown as CaseSnapshot;

/** A read model of revisions by case, counting its reads. */
function readModel() {
  const revisions = new Map<string, number>();
  const model = {
    reads: 0,
    revisions,
    read: async (caseId: string) => {
      model.reads += 1;
      const revision = revisions.get(caseId);
      return revision === undefined ? null : stored(caseId, revision);
    },
  };
  return model;
}

const revisionOf = (found: CaseSnapshot | null) => found?.revision;

describe('CaseReadCache', () => {
  it('reads a case once while it does not change', async () => {
    const signal = new CheckpointSignal();
    const cache = new CaseReadCache(10, signal);
    const model = readModel();
    model.revisions.set('a', 1);
    expect(revisionOf(await cache.get('a', model.read))).toBe(1);
    expect(revisionOf(await cache.get('a', model.read))).toBe(1);
    expect(model.reads).toBe(1);
    expect(cache.stats).toEqual({ size: 1, hits: 1, misses: 1 });
  });

  it('reads again the cases a move changed, and only those', async () => {
    const signal = new CheckpointSignal();
    const cache = new CaseReadCache(10, signal);
    const model = readModel();
    model.revisions.set('a', 1).set('b', 1);
    await cache.get('a', model.read);
    await cache.get('b', model.read);
    model.revisions.set('a', 2);
    signal.advance('5', ['a']);
    expect(revisionOf(await cache.get('a', model.read))).toBe(2);
    expect(revisionOf(await cache.get('b', model.read))).toBe(1);
    expect(model.reads).toBe(3);
  });

  it('forgets everything on a move that does not name its cases, and on a reset', async () => {
    const signal = new CheckpointSignal();
    const cache = new CaseReadCache(10, signal);
    const model = readModel();
    model.revisions.set('a', 1);
    await cache.get('a', model.read);
    signal.advance('7');
    expect(cache.stats.size).toBe(0);
    await cache.get('a', model.read);
    signal.reset('start');
    expect(cache.stats.size).toBe(0);
  });

  it('does not keep a read that overlapped a move (it may predate the change)', async () => {
    const signal = new CheckpointSignal();
    const cache = new CaseReadCache(10, signal);
    const model = readModel();
    model.revisions.set('a', 1);
    const overlapping = cache.get('a', async (caseId) => {
      const before = await model.read(caseId);
      model.revisions.set('a', 2);
      signal.advance('8', ['a']); // the projector commits while this read is under way
      return before;
    });
    expect(revisionOf(await overlapping)).toBe(1);
    expect(revisionOf(await cache.get('a', model.read))).toBe(2);
  });

  it('keeps at most its capacity, dropping the least recently read', async () => {
    const signal = new CheckpointSignal();
    const cache = new CaseReadCache(2, signal);
    const model = readModel();
    for (const id of ['a', 'b', 'c']) model.revisions.set(id, 1);
    await cache.get('a', model.read);
    await cache.get('b', model.read);
    await cache.get('a', model.read); // a is now the most recent
    await cache.get('c', model.read); // drops b
    model.reads = 0;
    await cache.get('a', model.read);
    await cache.get('c', model.read);
    expect(model.reads).toBe(0);
    await cache.get('b', model.read);
    expect(model.reads).toBe(1);
  });

  it('keeps nothing with capacity 0, and never keeps a missing case', async () => {
    const signal = new CheckpointSignal();
    const model = readModel();
    model.revisions.set('a', 1);
    const off = new CaseReadCache(0, signal);
    await off.get('a', model.read);
    await off.get('a', model.read);
    expect(model.reads).toBe(2);
    const on = new CaseReadCache(10, signal);
    expect(await on.get('nobody', model.read)).toBeNull();
    model.revisions.set('nobody', 1);
    expect(revisionOf(await on.get('nobody', model.read))).toBe(1);
  });

  it('peeks without reading: a hit counted, a case it lacks left for get to count', async () => {
    const signal = new CheckpointSignal();
    const cache = new CaseReadCache(10, signal);
    const model = readModel();
    model.revisions.set('a', 1);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.stats).toEqual({ size: 0, hits: 0, misses: 0 });
    await cache.get('a', model.read);
    expect(revisionOf(cache.peek('a') ?? null)).toBe(1);
    expect(cache.stats).toEqual({ size: 1, hits: 1, misses: 1 });
    signal.advance('5', ['a']);
    expect(cache.peek('a')).toBeUndefined();
  });
});

import type { StandardLookup } from '@app/domain';
import { CheckpointSignal, type ReadModelQueries } from '@app/read-models';
import { StandardsCache } from './standards-cache';

function queriesAnswering(...answers: Array<StandardLookup | Error>) {
  const queries = {
    reads: 0,
    standardLookup: () => {
      const answer = answers[Math.min(queries.reads, answers.length - 1)];
      queries.reads += 1;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return queries;
}

const lookup = (name: string) => ({ name }) as unknown as StandardLookup;

describe('StandardsCache', () => {
  it('reads the standards once while the checkpoint stays where it is', async () => {
    const signal = new CheckpointSignal();
    signal.advance('10');
    const queries = queriesAnswering(lookup('first'));
    const cache = new StandardsCache(queries as unknown as ReadModelQueries, signal);

    const answers = await Promise.all([cache.lookup(), cache.lookup(), cache.lookup()]);

    expect(answers).toEqual([lookup('first'), lookup('first'), lookup('first')]);
    expect(queries.reads).toBe(1);
  });

  it('reads them again once the checkpoint moves (a standard may have been set)', async () => {
    const signal = new CheckpointSignal();
    signal.advance('10');
    const queries = queriesAnswering(lookup('first'), lookup('raised'));
    const cache = new StandardsCache(queries as unknown as ReadModelQueries, signal);
    await cache.lookup();

    signal.advance('11');

    expect(await cache.lookup()).toEqual(lookup('raised'));
    expect(await cache.lookup()).toEqual(lookup('raised'));
    expect(queries.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const signal = new CheckpointSignal();
    const queries = queriesAnswering(new Error('database is locked'), lookup('first'));
    const cache = new StandardsCache(queries as unknown as ReadModelQueries, signal);

    await expect(cache.lookup()).rejects.toThrow('database is locked');
    expect(await cache.lookup()).toEqual(lookup('first'));
    expect(queries.reads).toBe(2);
  });

  it('hands over the standards without a promise once read at this checkpoint', async () => {
    const signal = new CheckpointSignal();
    signal.advance('10');
    const queries = queriesAnswering(lookup('first'), lookup('raised'));
    const cache = new StandardsCache(queries as unknown as ReadModelQueries, signal);
    expect(cache.current()).toBeUndefined();
    await cache.lookup();
    expect(cache.current()).toEqual(lookup('first'));
    signal.advance('11');
    expect(cache.current()).toBeUndefined(); // read again first
    await cache.lookup();
    expect(cache.current()).toEqual(lookup('raised'));
  });

  it('reads them again when the models changed behind the checkpoint (a rebuild elsewhere)', async () => {
    const signal = new CheckpointSignal();
    signal.advance('10');
    const queries = queriesAnswering(lookup('first'), lookup('rebuilt'));
    const cache = new StandardsCache(queries as unknown as ReadModelQueries, signal);
    await cache.lookup();

    signal.invalidate();
    expect(cache.current()).toBeUndefined();
    await expect(cache.lookup()).resolves.toEqual(lookup('rebuilt'));
  });
});

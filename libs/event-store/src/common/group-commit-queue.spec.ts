import { GroupCommitQueue, type Outcome } from './group-commit-queue';

const ok = <R>(value: R): Outcome<R> => ({ ok: true, value });

describe('GroupCommitQueue', () => {
  it('commits requests made in the same tick as one batch, each getting its own result', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommitQueue<number, number>((batch) => {
      batches.push([...batch]);
      return batch.map((n) => ok(n * 10));
    });

    const results = await Promise.all([1, 2, 3].map((n) => queue.enqueue(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('batches the next round of callers that resume after a flush', async () => {
    const sizes: number[] = [];
    const queue = new GroupCommitQueue<number, number>((batch) => {
      sizes.push(batch.length);
      return batch.map(ok);
    });
    const caller = async (rounds: number) => {
      for (let i = 0; i < rounds; i++) await queue.enqueue(i);
    };

    await Promise.all(Array.from({ length: 32 }, () => caller(5)));
    expect(sizes).toEqual([32, 32, 32, 32, 32]);
  });

  it('fails only the requests whose outcome is an error', async () => {
    const queue = new GroupCommitQueue<number, number>((batch) =>
      batch.map((n) => (n === 2 ? { ok: false, error: new Error('two') } : ok(n))),
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => queue.enqueue(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects the whole batch when the commit itself throws, then carries on', async () => {
    let fail = true;
    const queue = new GroupCommitQueue<number, number>((batch) => {
      if (fail) throw new Error('disk full');
      return batch.map(ok);
    });
    const failed = await Promise.allSettled([queue.enqueue(1), queue.enqueue(2)]);
    expect(failed.every((r) => r.status === 'rejected' && /disk full/.test(String(r.reason)))).toBe(
      true,
    );
    fail = false;
    await expect(queue.enqueue(3)).resolves.toBe(3);
  });

  it('splits a long queue into batches of at most maxBatchSize, in order', async () => {
    const batches: number[][] = [];
    const queue = new GroupCommitQueue<number, number>((batch) => {
      batches.push([...batch]);
      return batch.map(ok);
    }, 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => queue.enqueue(i)));
    expect(batches).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it('drain() resolves once everything queued so far is settled', async () => {
    const queue = new GroupCommitQueue<number, number>((batch) => batch.map(ok));
    const settled: number[] = [];
    [1, 2].forEach((n) => void queue.enqueue(n).then(() => settled.push(n)));
    await queue.drain();
    expect(settled).toEqual([1, 2]);
    await expect(queue.drain()).resolves.toBeUndefined();
  });

  describe('with an asynchronous commit', () => {
    it('keeps one batch in flight and makes what queued meanwhile the next batch', async () => {
      const batches: number[][] = [];
      let release!: () => void;
      const queue = new GroupCommitQueue<number, number>(async (batch) => {
        batches.push([...batch]);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
        return batch.map(ok);
      });
      const first = queue.enqueue(1);
      await new Promise((r) => setImmediate(r));
      const later = [2, 3, 4].map((n) => queue.enqueue(n));
      await new Promise((r) => setImmediate(r));
      expect(batches).toEqual([[1]]); // the second batch waits for the first
      release();
      await expect(Promise.all([first, ...later])).resolves.toEqual([1, 2, 3, 4]);
      expect(batches).toEqual([[1], [2, 3, 4]]);
    });

    it('rejects the batch whose commit rejects, and drain() waits for the one in flight', async () => {
      let fail = true;
      const queue = new GroupCommitQueue<number, number>(async (batch) => {
        await new Promise((r) => setImmediate(r));
        if (fail) throw new Error('connection lost');
        return batch.map(ok);
      });
      const failing = Promise.allSettled([queue.enqueue(1), queue.enqueue(2)]);
      await new Promise((r) => setImmediate(r));
      let drained = false;
      const draining = queue.drain().then(() => (drained = true));
      expect(drained).toBe(false);
      await draining;
      const results = await failing;
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      fail = false;
      await expect(queue.enqueue(3)).resolves.toBe(3);
    });
  });
});

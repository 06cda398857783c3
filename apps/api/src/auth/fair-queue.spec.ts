import { RateLimited } from '@app/runtime/errors/app-errors';
import { FairQueue } from './fair-queue';

const tick = () => new Promise((r) => setImmediate(r));

describe('a fair queue', () => {
  it('starts a turn on a later turn of the event loop, never inside the callback that asked', async () => {
    const queue = new FairQueue(1, 10);
    let started = false;
    const run = queue.run('a', async () => void (started = true));
    await Promise.resolve();
    expect(started).toBe(false);
    await run;
    expect(started).toBe(true);
  });

  it("serves waiting principals in turn: one principal's burst does not go before another's one", async () => {
    const queue = new FairQueue(1, 100);
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const job = (who: string, n: number) =>
      queue.run(who, () => {
        order.push(`${who}${n}`);
        return new Promise<void>((done) => releases.push(done));
      });
    const all = [job('a', 1), job('a', 2), job('a', 3), job('b', 1), job('a', 4), job('c', 1)];
    for (let finished = 0; finished < all.length;) {
      await tick();
      const release = releases.shift();
      if (!release) continue;
      release();
      finished++;
    }
    await Promise.all(all);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'a3', 'a4']);
  });

  it('tells a principal with too many waiting to come back', async () => {
    const queue = new FairQueue(1, 2);
    let release!: () => void;
    const first = queue.run('a', () => new Promise<void>((done) => (release = done)));
    await tick(); // turns start on the next turn of the event loop
    const waiting = [queue.run('a', async () => {}), queue.run('a', async () => {})];
    await expect(queue.run('a', async () => {})).rejects.toThrow(RateLimited);
    const other = queue.run('b', async () => 'b'); // another principal still queues
    release();
    await expect(other).resolves.toBe('b');
    await Promise.all([first, ...waiting]);
  });
});

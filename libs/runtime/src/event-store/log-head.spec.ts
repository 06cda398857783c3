import type { EventStore, Position } from '@app/event-store';
import { HEAD_REFRESH_MS, LogHead } from './log-head';

/** A store whose head the test sets, counting how often it is asked. */
function storeWithHead(initial: Position | null) {
  const fake = {
    head: initial as Position | null,
    asked: 0,
    fail: false,
    headPosition: async () => {
      fake.asked += 1;
      if (fake.fail) throw new Error('store down');
      return fake.head;
    },
  };
  return fake;
}

describe('LogHead', () => {
  let now = 1000;
  const clock = () => now;

  it("asks the store once per window, and sees another process's appends after it", async () => {
    const store = storeWithHead('10');
    const head = new LogHead(store as unknown as EventStore, clock);
    await expect(Promise.all([head.current(), head.current()])).resolves.toEqual(['10', '10']);
    store.head = '12';
    now += HEAD_REFRESH_MS - 1;
    await expect(head.current()).resolves.toBe('10');
    expect(store.asked).toBe(1);
    now += 1;
    await expect(head.current()).resolves.toBe('12');
    expect(store.asked).toBe(2);
  });

  it("knows this process's own appends at once", async () => {
    const store = storeWithHead(null);
    const head = new LogHead(store as unknown as EventStore, clock);
    await expect(head.current()).resolves.toBeNull();
    head.appendedAt('9');
    await expect(head.current()).resolves.toBe('9');
    head.appendedAt('3'); // an older commit that answered late changes nothing
    await expect(head.current()).resolves.toBe('9');
    store.head = '20';
    now += HEAD_REFRESH_MS;
    await expect(head.current()).resolves.toBe('20');
    expect(store.asked).toBe(2);
  });

  it('asks again after a failed question', async () => {
    const store = storeWithHead('4');
    store.fail = true;
    const head = new LogHead(store as unknown as EventStore, clock);
    await expect(head.current()).rejects.toThrow('store down');
    store.fail = false;
    await expect(head.current()).resolves.toBe('4');
  });

  it('knows the head without asking only while the last answer is in and inside its window', async () => {
    const store = storeWithHead('10');
    const head = new LogHead(store as unknown as EventStore, clock);
    expect(head.known()).toBeUndefined(); // never asked
    const asking = head.current();
    expect(head.known()).toBeUndefined(); // asked, no answer yet
    await asking;
    expect(head.known()).toBe('10');
    head.appendedAt('11');
    expect(head.known()).toBe('11');
    now += HEAD_REFRESH_MS;
    expect(head.known()).toBeUndefined(); // current() would ask again
    expect(store.asked).toBe(1);
  });
});

import { CheckpointSignal } from './checkpoint-signal';

describe('CheckpointSignal', () => {
  it('answers at once for a position already reached', async () => {
    const signal = new CheckpointSignal();
    signal.advance('10');
    await expect(signal.waitFor('9', 1000)).resolves.toBe('reached');
    await expect(signal.waitFor('10', 1000)).resolves.toBe('reached');
  });

  it('wakes a waiter when the checkpoint passes its position, comparing positions as numbers', async () => {
    const signal = new CheckpointSignal();
    signal.advance('9');
    const waiting = signal.waitFor('10', 5000);
    signal.advance('10');
    await expect(waiting).resolves.toBe('reached');
  });

  it('gives up after its deadline', async () => {
    const signal = new CheckpointSignal();
    const started = Date.now();
    await expect(signal.waitFor('1', 30)).resolves.toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('tells waiters when the projections stop', async () => {
    const signal = new CheckpointSignal();
    const waiting = signal.waitFor('3', 5000);
    signal.fail();
    await expect(waiting).resolves.toBe('failed');
    await expect(signal.waitFor('4', 5000)).resolves.toBe('failed');
  });
});

describe('CheckpointSignal listeners', () => {
  it('tells listeners which cases a move changed, before the waiters wake', async () => {
    const signal = new CheckpointSignal();
    const heard: Array<readonly string[] | 'all'> = [];
    const waiting = signal.waitFor('2', 5000).then((outcome) => {
      heard.push(['woken']);
      return outcome;
    });
    signal.onAdvance((changed) => heard.push(changed));
    signal.advance('1', ['a']);
    signal.advance('2', ['b', 'c']);
    await expect(waiting).resolves.toBe('reached');
    expect(heard).toEqual([['a'], ['b', 'c'], ['woken']]);
  });

  it("says 'all' for a move without its cases and for a reset, and stops when told", () => {
    const signal = new CheckpointSignal();
    const heard: Array<readonly string[] | 'all'> = [];
    const stop = signal.onAdvance((changed) => heard.push(changed));
    signal.advance('5');
    signal.reset('start');
    stop();
    signal.advance('6', ['x']);
    expect(heard).toEqual(['all', 'all']);
  });

  it("says 'all' for an invalidation, and stays where it is", () => {
    const signal = new CheckpointSignal();
    signal.advance('9');
    const heard: Array<readonly string[] | 'all'> = [];
    signal.onAdvance((changed) => heard.push(changed));
    signal.invalidate();
    expect(heard).toEqual(['all']);
    expect(signal.position).toBe('9');
  });
});

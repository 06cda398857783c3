import { TurnBatch } from './turn-batch';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TurnBatch', () => {
  it("writes a turn's lines together, in order, at the end of the turn", async () => {
    const writes: string[] = [];
    const batch = new TurnBatch({ write: (text) => writes.push(text) });
    batch.write('a\n');
    batch.write('b\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\n']);
    batch.write('c\n');
    await nextTurn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('flushes at once when told, and not again at the end of the turn', async () => {
    const writes: string[] = [];
    const batch = new TurnBatch({ write: (text) => writes.push(text) });
    batch.write('a\n');
    batch.flush();
    expect(writes).toEqual(['a\n']);
    await nextTurn();
    expect(writes).toEqual(['a\n']);
  });

  it('hands pending lines to the old sink before redirecting', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const batch = new TurnBatch({ write: (text) => first.push(text) });
    batch.write('a\n');
    batch.redirect({ write: (text) => second.push(text) });
    batch.write('b\n');
    await nextTurn();
    expect(first).toEqual(['a\n']);
    expect(second).toEqual(['b\n']);
  });
});

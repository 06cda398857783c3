import { itemsOf } from './page-iterable';

describe('itemsOf', () => {
  it('gives the items of every page in order, empty pages included', async () => {
    async function* pages() {
      yield [1, 2];
      yield [];
      yield [3];
    }
    const seen: number[] = [];
    for await (const item of itemsOf(pages)) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('asks for a page only once the one before is used up, and returns the source on break', async () => {
    const asked: number[] = [];
    let finished = false;
    async function* pages() {
      try {
        for (let page = 0; page < 3; page++) {
          asked.push(page);
          yield [page * 10, page * 10 + 1];
        }
      } finally {
        finished = true;
      }
    }
    for await (const item of itemsOf(pages)) {
      expect(asked).toEqual([0]);
      if (item === 1) break;
    }
    expect(asked).toEqual([0]);
    expect(finished).toBe(true);
  });

  it("passes a page source's failure on", async () => {
    async function* pages(): AsyncGenerator<number[]> {
      yield [1];
      throw new Error('store closed');
    }
    const seen: number[] = [];
    await expect(async () => {
      for await (const item of itemsOf(pages)) seen.push(item);
    }).rejects.toThrow('store closed');
    expect(seen).toEqual([1]);
  });
});

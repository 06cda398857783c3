/**
 * The items of `pages` one by one, for `for await`: a resolved promise per item rather than an
 * async generator's resumption, which cost a rebuild (the whole log, event by event) several
 * times more. The next page is asked for once the last item of the page before has been taken;
 * leaving early (`break`, a throw) returns the page source, so its cleanup runs.
 */
export function itemsOf<T>(pages: () => AsyncIterator<T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = pages();
      let page: readonly T[] = [];
      let next = 0;
      const take = (): Promise<IteratorResult<T>> => {
        if (next < page.length) return Promise.resolve({ value: page[next++], done: false });
        return source.next().then((result) => {
          if (result.done) return { value: undefined, done: true };
          page = result.value;
          next = 0;
          return take();
        });
      };
      return {
        next: take,
        return: async () => {
          await source.return?.();
          return { value: undefined, done: true };
        },
      };
    },
  };
}

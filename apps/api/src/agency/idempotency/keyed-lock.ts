/**
 * Runs tasks of the same key one after another, inside this process. Duplicates of a request
 * then see each other's finished work: the first answers 201, the others 200 with its answer.
 * (Across processes the stores decide alone: see AgencyActsService.)
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

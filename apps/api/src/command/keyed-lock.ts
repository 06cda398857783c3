/**
 * Runs tasks of the same key one after another, inside this process: duplicates of an agency
 * request see each other's finished work (the first answers 201, the others 200), and commands
 * that move a case's ID number reservation do not interleave. Across processes the stores'
 * optimistic concurrency decides alone.
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

import type { CaseSnapshot, CheckpointSignal } from '@app/read-models';

/**
 * The last `capacity` cases `case(id)` read (the folded case, as stored), so a case
 * read again before it changes costs no query. The checkpoint signal evicts: the cases a batch of
 * this process's projector changed, or everything when the move comes from another process or a
 * reset. A read that overlapped a move is answered but not kept, so no entry predates a change
 * it missed. Least recently read goes first; capacity 0 keeps nothing.
 */
export class CaseReadCache {
  private readonly entries = new Map<string, CaseSnapshot>();
  /** bumped on every move: a read started in an older generation is not kept */
  private generation = 0;
  private hitCount = 0;
  private missCount = 0;

  constructor(
    private readonly capacity: number,
    signal: CheckpointSignal,
  ) {
    signal.onAdvance((changed) => {
      this.generation += 1;
      if (changed === 'all') this.entries.clear();
      else for (const caseId of changed) this.entries.delete(caseId);
    });
  }

  /** The case from the cache, else from `read` (kept when nothing moved meanwhile). */
  async get(
    caseId: string,
    read: (caseId: string) => Promise<CaseSnapshot | null>,
  ): Promise<CaseSnapshot | null> {
    const cached = this.peek(caseId);
    if (cached !== undefined) return cached;
    this.missCount += 1;
    const generation = this.generation;
    const found = await read(caseId);
    if (found !== null && this.capacity > 0 && generation === this.generation) {
      this.entries.set(caseId, found);
      if (this.entries.size > this.capacity) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
    }
    return found;
  }

  /** The case when the cache holds it (a hit), else undefined (not yet a miss: `get` reads it). */
  peek(caseId: string): CaseSnapshot | undefined {
    const cached = this.entries.get(caseId);
    if (cached === undefined) return undefined;
    this.hitCount += 1;
    this.entries.delete(caseId); // most recently read last
    this.entries.set(caseId, cached);
    return cached;
  }

  get stats(): { size: number; hits: number; misses: number } {
    return { size: this.entries.size, hits: this.hitCount, misses: this.missCount };
  }
}

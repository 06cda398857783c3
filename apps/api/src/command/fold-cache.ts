import type { LoadedStream } from './loaded-stream';

const MAX_STREAMS = 20_000;

/**
 * The last fold of recently used streams (least recently used dropped first), after this process's
 * own appends too. Entries may be behind the store (another process appended): the command path
 * trusts one only as far as an append with its expected revision succeeds, and reads otherwise.
 */
export class FoldCache {
  private readonly entries = new Map<string, { evolve: unknown; loaded: LoadedStream<unknown> }>();

  get(streamId: string, evolve: unknown): LoadedStream<unknown> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.evolve !== evolve) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.loaded;
  }

  /** Keeps the later of two folds of a stream (a slower command may finish after a newer one). */
  set(streamId: string, evolve: unknown, loaded: LoadedStream<unknown>): void {
    const held = this.entries.get(streamId);
    if (held && held.evolve === evolve && isNewer(held.loaded.revision, loaded.revision)) return;
    this.entries.delete(streamId);
    if (this.entries.size >= MAX_STREAMS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(streamId, { evolve, loaded: { ...loaded, holdsId: false } });
  }
}

function isNewer(a: bigint | 'no_stream', b: bigint | 'no_stream'): boolean {
  return typeof a === 'bigint' && (b === 'no_stream' || a > b);
}

import type { LoadedStream } from './command-path';

const MAX_STREAMS = 20_000;

/**
 * The last fold of recently used streams (least recently used dropped first). Entries are only a
 * starting point: the command path still reads whatever was appended after them.
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

  set(streamId: string, evolve: unknown, loaded: LoadedStream<unknown>): void {
    this.entries.delete(streamId);
    if (this.entries.size >= MAX_STREAMS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(streamId, { evolve, loaded: { ...loaded, holdsId: false } });
  }
}

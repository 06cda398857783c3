import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@app/event-store';
import { perSecond, runConcurrently } from '../support/concurrent';
import { sampleEvent, sampleStreams, StreamCursor, WRITE_CALLERS } from '../support/sample-events';
import type { Durations } from './measured';

/** What a store's group commit did while measured: transactions and the appends they carried. */
export interface AppendRun {
  perSec: number;
  events: number;
  commits: number;
  /** appends per transaction, to one decimal (the batch size the raw batched ceilings use) */
  appendsPerCommit: number;
}

/**
 * `appendToStream` of one event per call, 32 callers over 1,000 streams, each caller owning its
 * streams so every append names the exact expected revision (the same for every store).
 */
export async function measureAppendOn(
  store: EventStore & { stats: { commits: number; appends: number } },
  { measureMs, warmupMs }: Durations,
): Promise<AppendRun> {
  const streams = sampleStreams();
  const cursor = new StreamCursor(WRITE_CALLERS);
  const append = async (caller: number) => {
    const stream = cursor.take(caller);
    const count = cursor.counts[stream];
    await store.appendToStream(streams[stream], [sampleEvent()], {
      expectedRevision: count === 0 ? 'no_stream' : BigInt(count - 1),
    });
    cursor.counts[stream] = count + 1;
  };
  await runConcurrently(WRITE_CALLERS, warmupMs, append);
  const before = store.stats;
  const result = await runConcurrently(WRITE_CALLERS, measureMs, append);
  const after = store.stats;
  const commits = after.commits - before.commits;
  const appends = after.appends - before.appends;
  return {
    perSec: perSecond(result),
    events: result.ops,
    commits,
    appendsPerCommit: commits ? Math.round((appends / commits) * 10) / 10 : 0,
  };
}

/** appendPerSec: SqliteEventStore.appendToStream, one event per append, exact expected revisions. */
export async function measureAppend(dir: string, durations: Durations): Promise<AppendRun> {
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  try {
    return await measureAppendOn(store, durations);
  } finally {
    await store.close();
  }
}

import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { perSecond, runConcurrently } from '../support/concurrent';
import { sampleEvent, sampleStreams, StreamCursor, WRITE_CALLERS } from '../support/sample-events';
import type { Durations, Measured } from './measured';

/** appendPerSec: SqliteEventStore.appendToStream, one event per append, exact expected revisions. */
export async function measureAppend(
  dir: string,
  { measureMs, warmupMs }: Durations,
): Promise<Measured> {
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  try {
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
    return {
      figures: { appendPerSec: perSecond(result) },
      notes: {
        appendEvents: result.ops,
        appendCommits: commits,
        appendsPerCommit: commits
          ? Math.round(((after.appends - before.appends) / commits) * 10) / 10
          : 0,
      },
    };
  } finally {
    await store.close();
  }
}

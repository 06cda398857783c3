import { join } from 'node:path';
import { getSQLiteEventStore, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { perSecond, runConcurrently } from '../support/concurrent';
import { Mutex } from '../support/mutex';
import { sampleEvent, sampleStreams, StreamCursor, WRITE_CALLERS } from '../support/sample-events';
import type { Durations, Measured } from './measured';

/** The pragmas a connection opened the way emmett opens its own reports (emmett exposes no hook to set them). */
async function emmettDurability(filename: string): Promise<string> {
  const connection = sqliteConnection({ fileName: filename });
  try {
    const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
    const sync = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
    return `journal_mode=${journal?.journal_mode}, synchronous=${sync?.synchronous} (2 = FULL)`;
  } finally {
    connection.close();
  }
}

const MAX_ATTEMPTS = 5;

const isBusy = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

/**
 * emmettSqlitePerSec: the same events, one per append, 32 callers over 1,000 streams, each append
 * naming the stream's expected version. emmett-sqlite 0.38.5 cannot take overlapping appends (it
 * shares one connection with a nesting counter and closes it after every call, and sets no busy
 * timeout: SQLITE_BUSY, "Database handle is closed", "cannot rollback"), so the 32 callers queue
 * on a mutex and its appends run one at a time, each in its own transaction and fsync. Even so,
 * now and then its COMMIT fails with "SQLITE_BUSY: cannot commit transaction - SQL statements in
 * progress" (its INSERT ... RETURNING is finalized asynchronously, racing the COMMIT); the append
 * is rolled back and emmett logs the error with console.log, so the caller retries it (counted).
 */
export async function measureEmmettSqlite(
  dir: string,
  { measureMs, warmupMs }: Durations,
): Promise<Measured> {
  const filename = join(dir, 'emmett.sqlite');
  const store = getSQLiteEventStore({ fileName: filename });
  const streams = sampleStreams();
  const cursor = new StreamCursor(WRITE_CALLERS);
  const mutex = new Mutex();
  let retries = 0;
  const append = async (caller: number) => {
    const stream = cursor.take(caller);
    const count = cursor.counts[stream];
    const { type, data, metadata } = sampleEvent();
    for (let attempt = 1; ; attempt++) {
      try {
        await mutex.run(() =>
          store.appendToStream(streams[stream], [{ type, data, metadata }], {
            expectedStreamVersion: BigInt(count),
          }),
        );
        break;
      } catch (error) {
        if (!isBusy(error) || attempt >= MAX_ATTEMPTS) throw error;
        retries++;
      }
    }
    cursor.counts[stream] = count + 1;
  };
  // emmett console.logs every failed transaction: keep stdout for the table and the JSON line
  const log = console.log;
  console.log = () => undefined;
  try {
    await runConcurrently(WRITE_CALLERS, Math.min(warmupMs, 500), append);
    retries = 0;
    const result = await runConcurrently(WRITE_CALLERS, measureMs, append);
    return {
      figures: { emmettSqlitePerSec: perSecond(result) },
      notes: {
        emmettSettings: await emmettDurability(filename),
        emmettEvents: result.ops,
        emmettRetriedCommits: retries,
      },
    };
  } finally {
    console.log = log;
    // emmett closes its connection after each call without waiting: let the last close finish
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

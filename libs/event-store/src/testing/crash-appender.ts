import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';

/** One line the crash appender prints per acknowledged append. */
export interface CrashAck {
  streamId: string;
  id: string;
  revision: string;
  position: string;
}

/**
 * Body of the crash-test child process: concurrent workers append one event at a time, forever,
 * and report each append on stdout only after the store acknowledged it. The parent SIGKILLs it.
 */
export async function runCrashAppender(
  store: EventStore,
  streamPrefix: string,
  workers = 8,
): Promise<never> {
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const streamId = `${streamPrefix}crash-${w}`;
      for (let i = 0n; ; i++) {
        const id = randomUUID();
        const event = { id, type: 'Appended', data: { w, i: Number(i) }, metadata: {} };
        const expectedRevision = i === 0n ? ('no_stream' as const) : i - 1n;
        const { nextRevision, position } = await store.appendToStream(streamId, [event], {
          expectedRevision,
        });
        const ack: CrashAck = { streamId, id, revision: String(nextRevision), position };
        process.stdout.write(`${JSON.stringify(ack)}\n`);
      }
    }),
  );
  throw new Error('unreachable');
}

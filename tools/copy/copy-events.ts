import { InvalidEventStoreInput, type EventStore, type StoredEvent } from '@app/event-store';
import type { PostgresEventStore } from '@app/event-store/postgres';
import {
  caseIdsInLog,
  verifyAllCases,
  type BrokenCase,
} from '@app/runtime/audit/history-verification';

export interface CopyResult {
  /** events written by this run */
  copied: number;
  /** the target's head when the run started (a run that continues an interrupted copy) */
  resumedAfter: string | null;
}

/**
 * Copies the log of `source` into `target`, in order, positions and recording times kept, in
 * transactions of `batchSize` events. The target must be empty, or hold the beginning of this
 * very log (an interrupted copy): the copy then continues after it. Anything else is refused.
 */
export async function copyEvents(
  source: EventStore,
  target: PostgresEventStore,
  options: { batchSize?: number; onProgress?: (copied: number) => void } = {},
): Promise<CopyResult> {
  const { batchSize = 2000, onProgress } = options;
  const resumedAfter = await target.headPosition();
  if (resumedAfter !== null) await assertSameEvent(source, target, resumedAfter);
  let batch: StoredEvent[] = [];
  let copied = 0;
  const flush = async () => {
    await target.importEvents(batch);
    copied += batch.length;
    batch = [];
    onProgress?.(copied);
  };
  for await (const event of source.readAll({ fromPosition: resumedAfter ?? 'start' })) {
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { copied, resumedAfter };
}

/** The target's last event is the source's at the same position, or the copy cannot continue. */
async function assertSameEvent(source: EventStore, target: EventStore, at: string): Promise<void> {
  const before = String(BigInt(at) - 1n);
  const from = before === '0' ? 'start' : before;
  const [mine] = await take(source.readAll({ fromPosition: from, maxCount: 1 }), 1);
  const [theirs] = await take(target.readAll({ fromPosition: from, maxCount: 1 }), 1);
  if (!mine || !theirs || describe(mine) !== describe(theirs))
    throw new InvalidEventStoreInput(
      `the target already holds events that are not this log's (its event at position ${at} ` +
        'differs): copy into an empty database',
    );
}

export interface CopyVerification {
  sourceEvents: number;
  targetEvents: number;
  /** the first position where the two logs differ (an event missing, added or changed) */
  firstDifference: string | null;
  cases: number;
  /** cases whose hash chain does not hold in the target */
  broken: BrokenCase[];
}

/**
 * Reads both logs side by side, event by event (ids, streams, revisions, positions, types,
 * payloads, metadata, recording times), and recomputes every case's hash chain in the target.
 */
export async function verifyCopy(
  source: EventStore,
  target: EventStore,
  progress: { onCases?: (count: number) => void; onCase?: () => void } = {},
): Promise<CopyVerification> {
  const mine = source.readAll()[Symbol.asyncIterator]();
  const theirs = target.readAll()[Symbol.asyncIterator]();
  let [sourceEvents, targetEvents] = [0, 0];
  let firstDifference: string | null = null;
  for (;;) {
    const [a, b] = await Promise.all([mine.next(), theirs.next()]);
    if (a.done && b.done) break;
    if (!a.done) sourceEvents++;
    if (!b.done) targetEvents++;
    if (firstDifference === null && (a.done || b.done || describe(a.value) !== describe(b.value)))
      firstDifference = (a.done ? b.value : a.value).position;
  }
  const caseIds = await caseIdsInLog(target);
  progress.onCases?.(caseIds.length);
  const chains = await verifyAllCases(target, caseIds, progress.onCase);
  return {
    sourceEvents,
    targetEvents,
    firstDifference,
    cases: chains.cases,
    broken: chains.broken,
  };
}

const describe = (e: StoredEvent): string =>
  JSON.stringify([
    e.position,
    e.id,
    e.streamId,
    String(e.revision),
    e.type,
    e.data,
    e.metadata,
    e.recordedAt.toISOString(),
  ]);

async function take<T>(items: AsyncIterable<T>, count: number): Promise<T[]> {
  const taken: T[] = [];
  for await (const item of items) {
    taken.push(item);
    if (taken.length >= count) break;
  }
  return taken;
}

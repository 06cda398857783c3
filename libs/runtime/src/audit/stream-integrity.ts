import {
  LOG_CHAIN_GENESIS,
  isChainedEventLog,
  logLink,
  rowDigest,
  type EventStore,
  type LogRow,
  type StoredEvent,
} from '@app/event-store';
import type { Checkpoint } from './checkpoint';
import { rowOfEvent } from './log-rows';

/**
 * verifyCaseHistory's share of the whole-log checks, for one stream: the first revision that
 * does not hold against its global link (edited, moved here, forged), against the heads the
 * signed checkpoints recorded of this stream (rewritten, or its end removed: the first missing
 * revision), or that a checkpoint recorded under another stream (moved here). Null when all hold.
 * The rest (other streams, gaps, the log's end) is history:verify's.
 */
export async function firstTamperedRevision(
  store: EventStore,
  streamId: string,
  events: readonly StoredEvent[],
  checkpoints: readonly Checkpoint[],
): Promise<number | null> {
  const found: number[] = [];
  const rows = await rowsOf(store, events);
  const recorded = new Map<string, string>(); // digest -> the stream a checkpoint saw it in
  let head: { revision: bigint; digest: string } | null = null;
  for (const c of checkpoints)
    for (const [stream, revision, digest] of c.streams) {
      recorded.set(digest, stream);
      if (stream === streamId && (head === null || BigInt(revision) > head.revision))
        head = { revision: BigInt(revision), digest };
    }
  for (const { row, previous } of rows) {
    const digest = rowDigest(row);
    const elsewhere = recorded.get(digest);
    if (elsewhere !== undefined && elsewhere !== streamId) found.push(Number(row.revision));
    if (head && row.revision === head.revision && digest !== head.digest)
      found.push(Number(row.revision));
    if (previous !== undefined && row.logHash !== null) {
      const link = logLink(previous, row.position, row.streamId, digest);
      if (link !== row.logHash) found.push(Number(row.revision));
    }
  }
  if (head && BigInt(events.length) <= head.revision) found.push(events.length);
  return found.length === 0 ? null : Math.min(...found);
}

/**
 * Each event's row as stored, with the link of the row just before it in the log (undefined when
 * that row is missing: a gap is history:verify's to name, not this stream's).
 */
async function rowsOf(
  store: EventStore,
  events: readonly StoredEvent[],
): Promise<{ row: LogRow; previous?: string }[]> {
  if (!isChainedEventLog(store)) return events.map((event) => ({ row: rowOfEvent(event) }));
  const rows: { row: LogRow; previous?: string }[] = [];
  for (const event of events) {
    const at = BigInt(event.position);
    const from = at <= 1n ? 'start' : String(at - 2n);
    const pair: LogRow[] = [];
    for await (const row of store.readLogRows({ fromPosition: from, maxCount: 2 })) pair.push(row);
    const row = pair.find((r) => r.position === event.position);
    if (!row) continue;
    const before = pair.find((r) => BigInt(r.position) === at - 1n);
    const previous = at === 1n ? LOG_CHAIN_GENESIS : (before?.logHash ?? undefined);
    rows.push({ row, previous });
  }
  return rows;
}

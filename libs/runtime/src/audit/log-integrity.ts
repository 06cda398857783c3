import { chainHash, type BusinessMetadata } from '@app/domain';
import {
  LOG_CHAIN_GENESIS,
  isChainedEventLog,
  logLink,
  rowDigest,
  type EventStore,
  type LogRow,
} from '@app/event-store';
import type { Checkpoint } from './checkpoint';
import { HeadMatcher, comparePosition, type Finding } from './findings';
import { isIntegerPosition, logRowsOf } from './log-rows';

/** What a checkpoint recorded of one stream: its revision then, and that row's digest. */
interface StreamHead {
  streamId: string;
  revision: bigint;
  digest: string;
  at: string;
  found: boolean;
}

export interface LogIntegrity {
  events: number;
  streams: number;
}

/**
 * One pass over the whole log, oldest first: each row against the link stored with it (an edit,
 * a move, a row written around the store), the positions and each stream's revisions for gaps,
 * the chain recomputed from the start against every signed head, and the stream heads the
 * checkpoints recorded (a stream rewritten, cut short, deleted, or moved under another id).
 */
export async function checkLog(
  store: EventStore,
  checkpoints: readonly Checkpoint[],
  report: (finding: Finding) => void,
): Promise<LogIntegrity> {
  const sorted = [...checkpoints].sort((a, b) => comparePosition(a.log.position, b.log.position));
  const matcher = new HeadMatcher(
    sorted.map((c) => ({ ...c.log, at: c.at })),
    LOG_CHAIN_GENESIS,
    (kind, detail) => report({ kind, detail }),
    'event log',
  );
  const expected = streamHeadsOf(sorted);
  const byDigest = new Map([...expected.values()].map((h) => [h.digest, h]));
  const movedTo = new Map<string, string>();
  const revisions = new Map<string, bigint>();
  const chained = isChainedEventLog(store);
  let stored = LOG_CHAIN_GENESIS;
  let events = 0;
  for await (const row of logRowsOf(store)) {
    events += 1;
    matcher.before(row.position);
    const where = `position ${row.position} (stream ${row.streamId}, revision ${row.revision})`;
    if (isIntegerPosition(row.position) && isIntegerPosition(matcher.position)) {
      const next = BigInt(matcher.position) + 1n;
      if (BigInt(row.position) > next)
        report({
          kind: 'MISSING',
          detail: `positions ${next}-${BigInt(row.position) - 1n} are missing from the event log: events were deleted`,
        });
    }
    const digest = rowDigest(row);
    const link = logLink(stored, row.position, row.streamId, digest);
    if (chained && row.logHash === null)
      report({
        kind: 'UNLINKED',
        detail: `${where} carries no link: it was written around the store`,
      });
    else if (chained && row.logHash !== link)
      report(
        contentIntact(row)
          ? {
              kind: 'MOVED',
              detail: `${where} is intact but does not stand where it was written: its stream id, revision or position was changed`,
            }
          : {
              kind: 'EDITED',
              detail: `${where} does not match its link: the row was edited or written by hand`,
            },
      );
    stored = row.logHash ?? link;
    matcher.advance(row.position, logLink(matcher.link, row.position, row.streamId, digest));

    const previous = revisions.get(row.streamId);
    const wanted = previous === undefined ? 0n : previous + 1n;
    if (row.revision !== wanted)
      report({
        kind: 'STREAM_GAP',
        detail: `stream ${row.streamId}: revision ${row.revision} comes where ${wanted} should: events were removed from the stream or renumbered`,
      });
    revisions.set(row.streamId, row.revision);
    const head = expected.get(keyOf(row.streamId, row.revision));
    if (head) {
      head.found = true;
      if (head.digest !== digest)
        report({
          kind: 'STREAM_REWRITTEN',
          detail: `stream ${row.streamId} revision ${row.revision} is not the event the checkpoint of ${head.at} recorded: the stream was rewritten`,
        });
    }
    const moved = byDigest.get(digest);
    if (moved && moved.streamId !== row.streamId) movedTo.set(moved.streamId, row.streamId);
  }
  matcher.done();
  reportLostStreams(expected, revisions, movedTo, report);
  return { events, streams: revisions.size };
}

const keyOf = (streamId: string, revision: bigint) => `${streamId}\u0000${revision}`;

/** Every stream head any checkpoint recorded (the latest checkpoint's last). */
function streamHeadsOf(checkpoints: readonly Checkpoint[]): Map<string, StreamHead> {
  const heads = new Map<string, StreamHead>();
  for (const c of checkpoints)
    for (const [streamId, revision, digest] of c.streams)
      heads.set(keyOf(streamId, BigInt(revision)), {
        streamId,
        revision: BigInt(revision),
        digest,
        at: c.at,
        found: false,
      });
  return heads;
}

/** The recorded heads the walk never met: one finding per stream, for its highest revision. */
function reportLostStreams(
  expected: Map<string, StreamHead>,
  revisions: Map<string, bigint>,
  movedTo: Map<string, string>,
  report: (finding: Finding) => void,
): void {
  const lost = new Map<string, StreamHead>();
  for (const head of expected.values())
    if (!head.found && (lost.get(head.streamId)?.revision ?? -1n) < head.revision)
      lost.set(head.streamId, head);
  for (const { streamId, revision, at } of lost.values()) {
    const last = revisions.get(streamId);
    const target = movedTo.get(streamId);
    if (target !== undefined && last === undefined)
      report({
        kind: 'STREAM_MOVED',
        detail: `stream ${streamId} was moved: its events now stand in stream ${target}`,
      });
    else if (last === undefined)
      report({
        kind: 'STREAM_DELETED',
        detail: `stream ${streamId} is gone: the checkpoint of ${at} recorded it at revision ${revision}`,
      });
    else
      report({
        kind: 'STREAM_TRUNCATED',
        detail: `stream ${streamId} ends at revision ${last}, but the checkpoint of ${at} recorded revision ${revision}: its last events were removed`,
      });
  }
}

/** Whether the event still matches its own hash of the per-stream chain (its content is unchanged). */
function contentIntact(row: LogRow): boolean {
  try {
    const metadata = JSON.parse(row.metadata) as BusinessMetadata & {
      hash?: unknown;
      previousHash?: string;
    };
    if (typeof metadata.hash !== 'string') return false;
    const hash = chainHash({
      type: row.type,
      data: JSON.parse(row.data),
      metadata,
      previousHash: metadata.previousHash ?? null,
    });
    return hash === metadata.hash;
  } catch {
    return false;
  }
}

import { LOG_CHAIN_GENESIS, logLink, rowDigest, type EventStore } from '@app/event-store';
import {
  ACCESS_CHAIN_GENESIS,
  accessLink,
  accessRowsAfter,
  type ChainedAccessLog,
} from './access-chain';
import {
  appendCheckpoint,
  signCheckpoint,
  signedCheckpoints,
  type ChainHead,
  type Checkpoint,
} from './checkpoint';
import { isIntegerPosition, logRowsOf } from './log-rows';

export interface CheckpointSources {
  store: EventStore;
  /** null when the access log is not chained (or not reachable from here) */
  accessLog: ChainedAccessLog | null;
  key: string;
  dir: string;
  now: () => Date;
}

export type CheckpointOutcome =
  | { written: true; checkpoint: Checkpoint; brokenLinks: string[] }
  | { written: false; reason: 'unchanged' | 'log shorter than the last checkpoint' };

/**
 * Writes the next checkpoint: the chains carried on from the last checkpoint signed with the key
 * (the rows before it are not read again), over what was appended since. The links are computed
 * here, not taken from the store; where a stored link differs, it is reported (`brokenLinks`, as
 * positions), and what is signed is what was read. Nothing is written when nothing changed, or
 * when the log is shorter than the last checkpoint (that is for history:verify to name).
 */
export async function writeCheckpoint(
  sources: CheckpointSources,
  options: { force?: boolean } = {},
): Promise<CheckpointOutcome> {
  const { store, accessLog, key, dir, now } = sources;
  const last = signedCheckpoints(dir, key).at(-1);
  let log: ChainHead = last?.log ?? { position: '0', head: LOG_CHAIN_GENESIS };
  const heads = new Map<string, [string, string]>();
  const brokenLinks: string[] = [];
  const head = await store.headPosition();
  if (last && isShorter(head ?? '0', last.log.position))
    return { written: false, reason: 'log shorter than the last checkpoint' };
  const from = log.position === '0' ? 'start' : log.position;
  for await (const row of logRowsOf(store, from)) {
    const digest = rowDigest(row);
    const link = logLink(log.head, row.position, row.streamId, digest);
    if (row.logHash !== null && row.logHash !== link) brokenLinks.push(row.position);
    log = { position: row.position, head: link };
    heads.set(row.streamId, [String(row.revision), digest]);
  }
  let access: ChainHead | null = null;
  if (accessLog) {
    access = last?.access ?? { position: '0', head: ACCESS_CHAIN_GENESIS };
    for await (const row of accessRowsAfter(accessLog, access.position))
      access = { position: row.seq, head: accessLink(access.head, row.seq, row) };
  }
  const unchanged =
    last !== undefined &&
    log.position === last.log.position &&
    access?.position === last.access?.position;
  if (unchanged && !options.force) return { written: false, reason: 'unchanged' };
  const checkpoint = signCheckpoint(key, {
    version: 1,
    at: now().toISOString(),
    log,
    streams: [...heads].map(([streamId, [revision, digest]]) => [streamId, revision, digest]),
    access,
  });
  appendCheckpoint(dir, checkpoint);
  return { written: true, checkpoint, brokenLinks };
}

/** Only integer positions can be compared this way; EventStoreDB's are left to history:verify. */
const isShorter = (head: string, checkpointed: string): boolean =>
  isIntegerPosition(head) && isIntegerPosition(checkpointed) && BigInt(head) < BigInt(checkpointed);

import { createHash, type Hash } from 'node:crypto';
import type { FromPosition, Position } from '../event-store.port';

/**
 * The global hash chain of the log: every stored event, in position order, is linked to the one
 * before it, whatever its stream. The stores compute it while appending (the single writer of a
 * SQLite file, PostgreSQL's `es_append` under its append lock: see postgres-log-chain.ts, which
 * must agree with this file byte for byte), and `history:verify` recomputes it.
 *
 * digest(row) = SHA-256 of `revision \n recordedAt \n` + field(id) field(type) field(data) field(metadata)
 * link        = SHA-256 of `previous \n position \n` + field(streamId) + digest
 * with field(x) = `<UTF-8 byte length of x>:x`, every hash in lower-case hex, and the first
 * event's previous link LOG_CHAIN_GENESIS. `data` and `metadata` are the JSON text as stored;
 * `recordedAt` the store's recording time in ISO-8601 with milliseconds (`toISOString`).
 * The digest leaves the stream id and the position out, so an event moved elsewhere keeps its
 * digest and can be recognised; the link puts both back in.
 */
export const LOG_CHAIN_GENESIS = '0'.repeat(64);

/** One event as stored, with the link the store recorded for it (null: none, e.g. an older row). */
export interface LogRow {
  position: Position;
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
  logHash: string | null;
}

const field = (hash: Hash, text: string): Hash =>
  hash.update(`${Buffer.byteLength(text, 'utf8')}:`, 'utf8').update(text, 'utf8');

/** What the row itself says, wherever it stands. */
export function rowDigest(row: Omit<LogRow, 'position' | 'streamId' | 'logHash'>): string {
  const hash = createHash('sha256').update(`${row.revision}\n${row.recordedAt}\n`, 'utf8');
  for (const text of [row.id, row.type, row.data, row.metadata]) field(hash, text);
  return hash.digest('hex');
}

/** The link of a row: its digest, where it stands, and the link before it. */
export function logLink(
  previous: string,
  position: Position,
  streamId: string,
  digest: string,
): string {
  const hash = createHash('sha256').update(`${previous}\n${position}\n`, 'utf8');
  return field(hash, streamId).update(digest, 'utf8').digest('hex');
}

/** A store that keeps the chain and can hand out its rows as stored (SQLite, PostgreSQL). */
export interface ChainedEventLog {
  /** Every row after `fromPosition`, in position order, its text exactly as stored. */
  readLogRows(options?: { fromPosition?: FromPosition; maxCount?: number }): AsyncIterable<LogRow>;
}

export const isChainedEventLog = (store: unknown): store is ChainedEventLog =>
  typeof (store as Partial<ChainedEventLog> | null)?.readLogRows === 'function';

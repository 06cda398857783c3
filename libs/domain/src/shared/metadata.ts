import type { Actor, DateTime } from './types';

/** Stored next to every event. `hash`/`previousHash` form the per-stream hash chain (audit/). */
export type EventMetadata = {
  actor: Actor;
  /** business time: when it happened (a court ruling: its effective date) */
  occurredAt: DateTime;
  /** when the system recorded it (set by the handler before appending, hashed) */
  recordedAt: DateTime;
  correlationId: string;
  causationId: string | null;
  hash: string;
  /** absent on a stream's first event */
  previousHash?: string;
};

/** The part of the metadata covered by the hash (everything but the hashes themselves). */
export type BusinessMetadata = Omit<EventMetadata, 'hash' | 'previousHash'>;

import { randomUUID } from 'node:crypto';
import { caseStreamId } from '@app/domain';
import { UuidV7Generator } from '@app/runtime/ids/uuid-v7';

/** Event ids as the command path mints them (time-ordered), for every write figure alike. */
const eventIds = new UuidV7Generator();

/** The streams the write figures spread their appends over. */
export const STREAM_COUNT = 1000;
/** Concurrent callers of the write figures. */
export const WRITE_CALLERS = 32;

export interface SampleEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export function sampleStreams(): string[] {
  return Array.from({ length: STREAM_COUNT }, () => caseStreamId(randomUUID()));
}

/**
 * One event as the command path writes it (a follow-up visit with its actor, both times, the
 * correlation and hash chain): the same event, ~460 bytes of JSON, for every write figure.
 */
export function sampleEvent(): SampleEvent {
  return {
    id: eventIds.next(),
    type: 'VisitRecorded',
    data: { visitedAt: '2026-05-06T14:00:00+08:00', notes: null },
    metadata: {
      actor: { id: 'director-370304001016', role: 'CHILD_DIRECTOR' },
      occurredAt: '2026-05-06T14:00:00+08:00',
      recordedAt: new Date().toISOString(),
      correlationId: 'bench',
      causationId: randomUUID(),
      hash: '790443135a820fa157100c1c650ed057d55c901ec20b57de490f3ef3af39ce35',
      previousHash: 'bbe7528cd3edb177f83ba1be689a3388be0251cbd22fcfe8b77f9ffd5be5d660',
    },
  };
}

/**
 * Each caller owns the streams `caller, caller + callers, ...` and cycles through them, so every
 * append names the stream's exact expected revision and none conflicts.
 */
export class StreamCursor {
  private readonly next: number[];
  /** events already in each stream */
  readonly counts = new Array<number>(STREAM_COUNT).fill(0);

  constructor(private readonly callers: number) {
    this.next = Array.from({ length: callers }, (_, c) => c);
  }

  take(caller: number): number {
    const stream = this.next[caller];
    const following = stream + this.callers;
    this.next[caller] = following < STREAM_COUNT ? following : caller;
    return stream;
  }
}

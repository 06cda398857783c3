import type { StoredEvent } from '@app/event-store';

/** Stream names the read models consume (the writers name them the same way). */
export const CASE_STREAM_PREFIX = 'case-';
export const STANDARD_STREAM_PREFIX = 'benefit-standard-';

export function caseIdOfStream(streamId: string): string | null {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : null;
}

/** Identity reservations (see apps/api cases/case-streams): `idres-` + keyed hash of the ID number. */
export const RESERVATION_STREAM_PREFIX = 'idres-';

export const idHashOfStream = (streamId: string): string | null =>
  streamId.startsWith(RESERVATION_STREAM_PREFIX)
    ? streamId.slice(RESERVATION_STREAM_PREFIX.length)
    : null;

export const isStandardStream = (streamId: string): boolean =>
  streamId.startsWith(STANDARD_STREAM_PREFIX);

/** What the projections read of an event: never its metadata, nor when it was recorded. */
export type ProjectedEvent = Pick<
  StoredEvent,
  'type' | 'data' | 'streamId' | 'revision' | 'position'
>;

/** The part of `event` the projections read, for holding many events (a rebuild's batch) lightly. */
export function projectedOf(event: ProjectedEvent): ProjectedEvent {
  const { type, data, streamId, revision, position } = event;
  return { type, data, streamId, revision, position };
}

import type { StoredEvent } from '@app/event-store';

/** Stream names the read models consume: the writers' own (defined once, in @app/domain). */
export { CASE_STREAM_PREFIX, caseIdOfStream, isStandardStream } from '@app/domain';

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

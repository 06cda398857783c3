import type { EventData, JSONType, RecordedEvent } from '@eventstore/db-client';
import { InvalidEventStoreInput } from '../errors';
import type { StoredEvent } from '../event-store.port';
import type { ValidAppend, ValidEvent } from '../validation';
import { encodePosition } from './esdb-position';

/** EventStoreDB's own records: `$`-streams ($settings, $stats-…, $$metadata) and `$`-types ($>, $metadata). */
export const isSystemEvent = (event: { streamId: string; type: string }): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$');

/** `$` names belong to EventStoreDB; events under them would be skipped by reads of the log. */
export function refuseSystemNames(append: ValidAppend): ValidAppend {
  if (append.streamId.startsWith('$')) {
    throw new InvalidEventStoreInput(`stream ids starting with "$" are reserved by EventStoreDB`);
  }
  const i = append.events.findIndex((e) => e.type.startsWith('$'));
  if (i >= 0) {
    throw new InvalidEventStoreInput(`events[${i}].type starts with "$", reserved by EventStoreDB`);
  }
  return append;
}

/** JSON exactly as validated (not the caller's objects, which could change while the append waits). */
export function toEventData(event: ValidEvent): EventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: JSON.parse(event.data) as JSONType,
    metadata: JSON.parse(event.metadata) as JSONType,
  };
}

export function toStoredEvent(event: RecordedEvent): StoredEvent {
  const where = `event ${event.id} (${event.streamId}@${event.revision})`;
  if (!event.isJson) throw new Error(`${where} is not JSON; this store reads JSON events only`);
  if (!event.position) throw new Error(`${where} came without its $all position`);
  const metadata = event.metadata ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata) || metadata instanceof Uint8Array) {
    throw new Error(`${where} has metadata that is not a JSON object`);
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadata as Record<string, unknown>,
    streamId: event.streamId,
    revision: event.revision,
    position: encodePosition(event.position),
    recordedAt: event.created,
  };
}

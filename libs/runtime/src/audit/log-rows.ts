import { storedForm } from '@app/domain';
import {
  isChainedEventLog,
  type EventStore,
  type FromPosition,
  type LogRow,
  type StoredEvent,
} from '@app/event-store';

/**
 * The log's rows for the chain. SQLite and PostgreSQL hand them out as stored, with the link
 * they recorded; EventStoreDB keeps no link, and its events are written out as the other stores
 * keep them (JSON text), so its chain is the one the checkpoints carry (docs/audit.md).
 */
export async function* logRowsOf(
  store: EventStore,
  fromPosition: FromPosition = 'start',
): AsyncGenerator<LogRow> {
  if (isChainedEventLog(store)) {
    yield* store.readLogRows({ fromPosition });
    return;
  }
  for await (const event of store.readAll({ fromPosition })) yield rowOfEvent(event);
}

/**
 * An event as the chain sees it when the store hands out no rows (JSON written out again), its
 * data in the stored form: personal information opened on reading is null again, beside its box.
 */
export const rowOfEvent = (event: StoredEvent): LogRow => ({
  position: event.position,
  id: event.id,
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  data: JSON.stringify(storedForm(event.data)),
  metadata: JSON.stringify(event.metadata),
  recordedAt: event.recordedAt.toISOString(),
  logHash: null,
});

/** Whether positions are the gap-free integers of SQLite and PostgreSQL. */
export const isIntegerPosition = (position: string): boolean => /^[0-9]+$/.test(position);

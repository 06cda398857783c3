import type { EventWithoutMetadata, StoredEvent } from '../event-store.port';

type Integer = string | number | bigint;

/** An event row as the integer-position stores keep it: JSON as text, numbers as the driver gives them. */
export interface EventRow {
  position: Integer;
  id: string;
  stream_id: string;
  revision: Integer;
  type: string;
  data: string;
  metadata: string;
  /** ISO text (SQLite) or a Date (PostgreSQL) */
  recorded_at: string | Date;
}

export type DataRow = Omit<EventRow, 'metadata' | 'recorded_at'>;

export function eventOfRow(row: EventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: String(row.position),
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
  };
}

export function dataEventOfRow(row: DataRow): EventWithoutMetadata {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: String(row.position),
  };
}

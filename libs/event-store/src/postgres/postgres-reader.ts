import type { Pool } from 'pg';
import type { EventWithoutMetadata, StoredEvent } from '../event-store.port';
import { dataEventOfRow, eventOfRow, type EventRow as Row } from '../common/event-rows';
import type { LogRow } from '../common/log-chain';

type EventRow = Omit<Row, 'position' | 'revision' | 'recorded_at'> & {
  position: string;
  revision: string;
  recorded_at: Date;
};
type DataRow = Omit<EventRow, 'metadata' | 'recorded_at'>;

const DATA_COLUMNS = 'position, id, stream_id, revision, type, data';
const COLUMNS = `${DATA_COLUMNS}, metadata, recorded_at`;

/**
 * Bounded page queries on the pool (each one statement with a LIMIT, so no cursor or transaction
 * stays open between pages). BIGINTs come back as decimal strings: positions are used as they
 * are, revisions become bigints. Named statements: PostgreSQL plans each once per connection.
 */
export class PostgresReader {
  constructor(private readonly pool: Pool) {}

  /** The stream's last revision, or null when it has no events. */
  async streamRevision(streamId: string): Promise<bigint | null> {
    const { rows } = await this.pool.query<{ revision: string | null }>({
      name: 'es_stream_revision',
      text: 'SELECT max(revision) AS revision FROM es_events WHERE stream_id = $1',
      values: [streamId],
    });
    return rows[0].revision === null ? null : BigInt(rows[0].revision);
  }

  /** The last global position, 0n when the log is empty. */
  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<{ head: string | null }>({
      name: 'es_head',
      text: 'SELECT max(position) AS head FROM es_events',
    });
    return rows[0].head === null ? 0n : BigInt(rows[0].head);
  }

  async streamPage(
    streamId: string,
    from: bigint,
    forwards: boolean,
    limit: number,
  ): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: forwards ? 'es_stream_forwards' : 'es_stream_backwards',
      text: forwards
        ? `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`
        : `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
      values: [streamId, String(from), limit],
    });
    return rows.map(eventOfRow);
  }

  /** Events with after < position <= upTo in global order, optionally only of some stream prefixes. */
  async allPage(
    after: bigint,
    upTo: bigint,
    limit: number,
    prefixes?: string[],
  ): Promise<StoredEvent[]> {
    const range = 'position > $1 AND position <= $2';
    const { rows } = await this.pool.query<EventRow>(
      prefixes
        ? {
            name: 'es_all_prefixed',
            // ^@ is starts_with: no LIKE wildcards or case folding in stream names
            text: `SELECT ${COLUMNS} FROM es_events WHERE ${range} AND stream_id ^@ ANY ($4::text[]) ORDER BY position LIMIT $3`,
            values: [String(after), String(upTo), limit, prefixes],
          }
        : {
            name: 'es_all',
            text: `SELECT ${COLUMNS} FROM es_events WHERE ${range} ORDER BY position LIMIT $3`,
            values: [String(after), String(upTo), limit],
          },
    );
    return rows.map(eventOfRow);
  }

  /** `allPage` without metadata and recording time: neither sent nor parsed. */
  async allDataPage(after: bigint, upTo: bigint, limit: number): Promise<EventWithoutMetadata[]> {
    const { rows } = await this.pool.query<DataRow>({
      name: 'es_all_data',
      text: `SELECT ${DATA_COLUMNS} FROM es_events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      values: [String(after), String(upTo), limit],
    });
    return rows.map(dataEventOfRow);
  }

  /** Rows as stored, for the global chain; the recording time as the chain writes it. */
  async logRowsPage(after: bigint, upTo: bigint, limit: number): Promise<LogRow[]> {
    const { rows } = await this.pool.query<EventRow & { log_hash: string | null }>({
      name: 'es_log_rows',
      text: `SELECT ${COLUMNS}, log_hash FROM es_events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      values: [String(after), String(upTo), limit],
    });
    return rows.map((row) => ({
      position: row.position,
      id: row.id,
      streamId: row.stream_id,
      revision: BigInt(row.revision),
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at.toISOString(),
      logHash: row.log_hash,
    }));
  }
}

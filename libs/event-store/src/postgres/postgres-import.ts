import type { Pool } from 'pg';
import type { StoredEvent } from '../event-store.port';
import { InvalidEventStoreInput } from '../errors';
import { APPEND_LOCK } from './postgres-locks';
import { APPENDED_CHANNEL } from './postgres-migrations';
import { inTransaction } from './postgres-transaction';

/**
 * Writes events of another store as they are, positions and recording times included, in one
 * transaction under the append lock (appends of running processes wait). The first event must
 * come right after the head, and the positions must follow each other: a copy that stopped
 * half-way is continued, never mixed with other writes.
 */
export async function importEvents(pool: Pool, events: readonly StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const { rows } = await client.query<{ head: string | null }>(
      'SELECT max(position) AS head FROM es_events',
    );
    const head = BigInt(rows[0].head ?? 0);
    events.forEach((e, i) => {
      if (BigInt(e.position) !== head + 1n + BigInt(i))
        throw new InvalidEventStoreInput(
          `imported events must follow the head (${head}) one position after another; got ${e.position}`,
        );
    });
    await client.query(
      `INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[],
         $6::text[], $7::text[], $8::timestamptz[])`,
      [
        events.map((e) => e.position),
        events.map((e) => e.id),
        events.map((e) => e.streamId),
        events.map((e) => String(e.revision)),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map((e) => e.recordedAt.toISOString()),
      ],
    );
    await client.query('SELECT pg_notify($1, $2)', [APPENDED_CHANNEL, events.at(-1)!.position]);
  });
}

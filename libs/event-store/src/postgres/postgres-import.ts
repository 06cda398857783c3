import type { Pool } from 'pg';
import type { StoredEvent } from '../event-store.port';
import { InvalidEventStoreInput } from '../errors';
import { APPEND_LOCK } from './postgres-locks';
import { APPENDED_CHANNEL } from './postgres-migrations';
import { inTransaction } from './postgres-transaction';
import { LOG_CHAIN_GENESIS, logLink, rowDigest } from '../common/log-chain';

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
    const { rows } = await client.query<{ head: string | null; log_hash: string | null }>(
      `SELECT position AS head, log_hash FROM es_events ORDER BY position DESC LIMIT 1`,
    );
    const head = BigInt(rows[0]?.head ?? 0);
    let link = rows[0]?.log_hash ?? LOG_CHAIN_GENESIS;
    events.forEach((e, i) => {
      if (BigInt(e.position) !== head + 1n + BigInt(i))
        throw new InvalidEventStoreInput(
          `imported events must follow the head (${head}) one position after another; got ${e.position}`,
        );
    });
    // the rows as they will be stored (ids in PostgreSQL's lower case), each with its link
    const rowsToWrite = events.map((e) => {
      const row = {
        id: e.id.toLowerCase(),
        revision: e.revision,
        type: e.type,
        data: JSON.stringify(e.data),
        metadata: JSON.stringify(e.metadata),
        recordedAt: e.recordedAt.toISOString(),
      };
      link = logLink(link, e.position, e.streamId, rowDigest(row));
      return { ...row, position: e.position, streamId: e.streamId, logHash: link };
    });
    await client.query(
      `INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at, log_hash)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[],
         $6::text[], $7::text[], $8::timestamptz[], $9::text[])`,
      [
        rowsToWrite.map((e) => e.position),
        rowsToWrite.map((e) => e.id),
        rowsToWrite.map((e) => e.streamId),
        rowsToWrite.map((e) => String(e.revision)),
        rowsToWrite.map((e) => e.type),
        rowsToWrite.map((e) => e.data),
        rowsToWrite.map((e) => e.metadata),
        rowsToWrite.map((e) => e.recordedAt),
        rowsToWrite.map((e) => e.logHash),
      ],
    );
    await client.query('SELECT pg_notify($1, $2)', [APPENDED_CHANNEL, events.at(-1)!.position]);
  });
}

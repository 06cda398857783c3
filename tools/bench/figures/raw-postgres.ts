import { Client } from 'pg';
import { POSTGRES_MIGRATIONS } from '@app/event-store/postgres';
import { runConcurrently, type LoopResult } from '../support/concurrent';
import { sampleEvent, sampleStreams, STREAM_COUNT } from '../support/sample-events';
import type { Durations } from './measured';

const COLUMNS = '(position, id, stream_id, revision, type, data, metadata, recorded_at)';

/** Rows of the event store's own table, as the appends would write them. */
class RawRows {
  private readonly streams = sampleStreams();
  private readonly revisions = new Array<number>(STREAM_COUNT).fill(0);
  private position = 0;
  private n = 0;

  next(): unknown[] {
    const stream = this.n++ % STREAM_COUNT;
    const event = sampleEvent();
    return [
      ++this.position,
      event.id,
      this.streams[stream],
      this.revisions[stream]++,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      new Date().toISOString(),
    ];
  }
}

/**
 * The PostgreSQL ceilings, on one connection with the event store's durability
 * (synchronous_commit=on) and its table and indexes: one-row INSERTs each committed alone (one WAL
 * flush per event), and INSERTs of `batch` rows in one statement (one flush per batch, one round
 * trip: what es_append does, without its checks).
 */
export async function measureRawPostgres(
  url: string,
  batch: number,
  { measureMs, warmupMs }: Durations,
): Promise<{ one: LoopResult; batched: LoopResult }> {
  const client = new Client({ connectionString: url, options: '-c synchronous_commit=on' });
  await client.connect();
  try {
    for (const m of POSTGRES_MIGRATIONS) await client.query(m.up);
    const rows = new RawRows();
    const insertOne = async () => {
      await client.query({
        name: 'raw_one',
        text: `INSERT INTO es_events ${COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        values: rows.next(),
      });
    };
    const insertBatch = async () => {
      const columns: unknown[][] = Array.from({ length: 8 }, () => []);
      for (let i = 0; i < batch; i++) rows.next().forEach((value, c) => columns[c].push(value));
      await client.query({
        name: 'raw_batch',
        text: `INSERT INTO es_events ${COLUMNS} SELECT * FROM unnest($1::bigint[], $2::uuid[],
          $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])`,
        values: columns,
      });
    };
    await runConcurrently(1, Math.min(warmupMs, 500), insertOne);
    const one = await runConcurrently(1, measureMs, insertOne);
    await runConcurrently(1, Math.min(warmupMs, 500), insertBatch);
    const batches = await runConcurrently(1, measureMs, insertBatch);
    return { one, batched: { ...batches, ops: batches.ops * batch } };
  } finally {
    await client.end();
  }
}

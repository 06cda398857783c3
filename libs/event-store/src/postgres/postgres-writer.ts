import type { Pool } from 'pg';
import type { AppendResult } from '../event-store.port';
import { DuplicateEventId, WrongExpectedRevision } from '../errors';
import type { Outcome } from '../common/group-commit-queue';
import type { ValidAppend } from '../validation';
import { retryingConnectionLoss } from './postgres-errors';

interface OutcomeRow {
  o_outcome: 'ok' | 'retry' | 'conflict' | 'duplicate';
  o_revision: string | null;
  o_position: string | null;
  o_event_id: string | null;
  o_stream: string | null;
}

const APPEND = `SELECT * FROM es_append($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[],
  $6::text[], $7::text[], $8::timestamptz)`;

/**
 * Writes a batch of appends with one call of `es_append` (see postgres-migrations.ts): one
 * statement, so one transaction, one round trip and one WAL flush for the whole batch. A lost
 * connection is tried again on a new one: appends are idempotent by event id, so a batch that did
 * commit answers its original results the second time.
 */
export class PostgresWriter {
  constructor(
    private readonly pool: Pool,
    private readonly attempts: number,
  ) {}

  async commit(batch: readonly ValidAppend[], recordedAt: Date): Promise<Outcome<AppendResult>[]> {
    const values = columnsOf(batch, recordedAt);
    const rows = await retryingConnectionLoss(
      'append',
      async () =>
        (await this.pool.query<OutcomeRow>({ name: 'es_append', text: APPEND, values })).rows,
      this.attempts,
    );
    if (rows.length !== batch.length) throw new Error('es_append: one outcome per append');
    return rows.map((row, i) => outcomeOf(batch[i], row));
  }
}

/** The batch as the function's arrays: one entry per append, then one per event. */
function columnsOf(batch: readonly ValidAppend[], recordedAt: Date): unknown[] {
  const streams: string[] = [];
  const expectations: string[] = [];
  const counts: number[] = [];
  const ids: string[] = [];
  const types: string[] = [];
  const datas: string[] = [];
  const metas: string[] = [];
  for (const append of batch) {
    streams.push(append.streamId);
    expectations.push(String(append.expectedRevision));
    counts.push(append.events.length);
    for (const event of append.events) {
      ids.push(event.id);
      types.push(event.type);
      datas.push(event.data);
      metas.push(event.metadata);
    }
  }
  return [streams, expectations, counts, ids, types, datas, metas, recordedAt.toISOString()];
}

function outcomeOf(append: ValidAppend, row: OutcomeRow): Outcome<AppendResult> {
  switch (row.o_outcome) {
    case 'ok':
    case 'retry':
      return {
        ok: true,
        value: { nextRevision: BigInt(row.o_revision!), position: row.o_position! },
      };
    case 'conflict': {
      const actual = row.o_revision === null ? 'no_stream' : BigInt(row.o_revision);
      const error = new WrongExpectedRevision(append.streamId, append.expectedRevision, actual);
      return { ok: false, error };
    }
    case 'duplicate':
      return { ok: false, error: new DuplicateEventId(row.o_event_id!, row.o_stream!) };
  }
}

import type Database from 'better-sqlite3';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { DuplicateEventId, EventStoreError, WrongExpectedRevision } from '../errors';
import type { ValidAppend } from '../validation';
import type { Outcome } from '../common/group-commit-queue';
import { LOG_CHAIN_GENESIS, logLink, rowDigest } from '../common/log-chain';

interface IdRow {
  id: string;
  stream_id: string;
  revision: bigint;
  position: bigint;
}

/** The last row of the log: where the next one goes, and the link it chains to. */
interface Tip {
  position: bigint;
  hash: string;
}

/**
 * Writes a batch of appends in one BEGIN IMMEDIATE..COMMIT (one fsync). Each append of several
 * events runs in its own SAVEPOINT (better-sqlite3 nests transactions that way), so a refused
 * append is rolled back alone and the others in the batch still commit. Each row gets its link of
 * the global chain (common/log-chain.ts): the tip is read once per batch, under the write lock,
 * and moved on only when an append has been written whole.
 */
export class SqliteWriter {
  private readonly revision: Database.Statement;
  private readonly lastRow: Database.Statement;
  private tip: Tip = { position: 0n, hash: LOG_CHAIN_GENESIS };
  private readonly byId: Database.Statement;
  private readonly idsFrom: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly appendOne: Database.Transaction<(a: ValidAppend, at: string) => AppendResult>;
  private readonly appendAll: Database.Transaction<
    (batch: readonly ValidAppend[], at: string) => Outcome<AppendResult>[]
  >;

  constructor(db: Database.Database) {
    const prepare = (sql: string) => db.prepare(sql).safeIntegers(true);
    this.revision = prepare('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck();
    this.byId = prepare('SELECT id, stream_id, revision, position FROM events WHERE id = ?');
    this.idsFrom = prepare(
      `SELECT id, stream_id, revision, position FROM events
       WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    );
    this.lastRow = prepare('SELECT position, log_hash FROM events ORDER BY position DESC LIMIT 1');
    this.insert = prepare(
      `INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, log_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.appendOne = db.transaction((append: ValidAppend, at: string) => this.write(append, at));
    this.appendAll = db.transaction((batch: readonly ValidAppend[], at: string) => {
      const last = this.lastRow.get() as { position: bigint; log_hash: string | null } | undefined;
      this.tip = last
        ? { position: last.position, hash: last.log_hash ?? LOG_CHAIN_GENESIS }
        : { position: 0n, hash: LOG_CHAIN_GENESIS };
      return batch.map((append): Outcome<AppendResult> => {
        try {
          // One row is one INSERT, which SQLite undoes by itself when it fails, and a refusal comes
          // before it or from it (the id index), with only reads after: only an append of several
          // rows needs its SAVEPOINT.
          const value =
            append.events.length === 1 ? this.write(append, at) : this.appendOne(append, at);
          return { ok: true, value };
        } catch (error) {
          // A refusal belongs to its caller; anything else (I/O, full disk) fails the whole batch.
          if (error instanceof EventStoreError || isConstraintError(error))
            return { ok: false, error };
          throw error;
        }
      });
    });
  }

  /** Runs the batch; throws (rejecting every append) only when the transaction as a whole fails. */
  commit(batch: readonly ValidAppend[], recordedAt: Date): Outcome<AppendResult>[] {
    return this.appendAll.immediate(batch, recordedAt.toISOString());
  }

  private write({ streamId, events, expectedRevision }: ValidAppend, at: string): AppendResult {
    const current = (this.revision.get(streamId) as bigint | null) ?? null;
    const conflict = () =>
      new WrongExpectedRevision(streamId, expectedRevision, current ?? 'no_stream');
    const retryOrConflict = (): AppendResult => {
      const original = this.retried(streamId, events, expectedRevision);
      if (original === null) throw conflict();
      return original;
    };
    // Ids are looked up only when something is refused (the events_id index refuses a stored id
    // on insert): a retry of a stored append, or an id already taken, is told apart then.
    if (!matches(expectedRevision, current)) return retryOrConflict();
    let revision = current ?? -1n;
    let { position, hash } = this.tip;
    for (const [i, e] of events.entries()) {
      revision += 1n;
      position += 1n;
      const digest = rowDigest({ ...e, revision, recordedAt: at });
      hash = logLink(hash, String(position), streamId, digest);
      try {
        const row = [position, e.id, streamId, revision, e.type, e.data, e.metadata, at, hash];
        this.insert.run(...row);
      } catch (error) {
        if (!isDuplicateId(error)) throw error;
        // the first id stored: a retry, or a conflict; a later one: taken (the events before it
        // go with the append's SAVEPOINT)
        if (i === 0) return retryOrConflict();
        throw this.takenBy(e.id, streamId) ?? conflict();
      }
    }
    this.tip = { position, hash };
    return { nextRevision: revision, position: String(position) };
  }

  /**
   * When the append's first id is already stored: the original result if this is a retry of that
   * append; DuplicateEventId (thrown) if the id is another stream's. Null when the first id is not
   * stored, or is in this stream but not as this append: a conflict.
   */
  private retried(
    streamId: string,
    events: ValidAppend['events'],
    expectedRevision: ExpectedRevision,
  ): AppendResult | null {
    const first = this.byId.get(events[0].id) as IdRow | undefined;
    if (!first) return null;
    if (first.stream_id !== streamId) throw new DuplicateEventId(first.id, first.stream_id);
    const ids = events.map((e) => e.id);
    return this.original(first, ids, expectedRevision);
  }

  /** DuplicateEventId when the stored `id` belongs to another stream; null when to this one. */
  private takenBy(id: string, streamId: string): DuplicateEventId | null {
    const existing = this.byId.get(id) as IdRow | undefined;
    return existing && existing.stream_id !== streamId
      ? new DuplicateEventId(id, existing.stream_id)
      : null;
  }

  /**
   * The first id is already in the stream, so this is a retry. It is idempotent (the original
   * result, nothing written) only when the whole batch sits, in order, where the expectation says
   * it was written; otherwise null, which the caller reports as a conflict (as EventStoreDB does).
   */
  private original(first: IdRow, ids: string[], expected: ExpectedRevision): AppendResult | null {
    const start =
      expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : first.revision;
    if (first.revision !== start) return null;
    const stored = this.idsFrom.all(first.stream_id, start, ids.length) as IdRow[];
    if (stored.length !== ids.length || stored.some((row, i) => row.id !== ids[i])) return null;
    const last = stored[stored.length - 1];
    return { nextRevision: last.revision, position: String(last.position) };
  }
}

function matches(expected: ExpectedRevision, current: bigint | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === null;
  if (expected === 'stream_exists') return current !== null;
  return current === expected;
}

/** The events_id index refused an insert: the event's id is already stored. */
function isDuplicateId(error: unknown): boolean {
  return (
    isConstraintError(error) &&
    String((error as { message?: unknown }).message).includes('events.id')
  );
}

function isConstraintError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}

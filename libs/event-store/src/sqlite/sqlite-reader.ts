import type Database from 'better-sqlite3';
import type { EventWithoutMetadata, StoredEvent } from '../event-store.port';
import { dataEventOfRow, eventOfRow } from '../common/event-rows';
import type { LogRow } from '../common/log-chain';

interface EventRow {
  position: bigint;
  id: string;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** The same row read without safe integers: only where every value is below 2^53. */
type SmallEventRow = Omit<EventRow, 'position' | 'revision'> & {
  position: number;
  revision: number;
};

const DATA_COLUMNS = 'position, id, stream_id, revision, type, data';
const COLUMNS = `${DATA_COLUMNS}, metadata, recorded_at`;

/** Below this every position is exact as a number, and so is every revision (always smaller). */
const SAFE_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

type DataRow = Omit<SmallEventRow, 'metadata' | 'recorded_at'>;

/**
 * Bounded page queries. Each call runs one statement to completion (`.all()` with a LIMIT), so no
 * cursor stays open between pages and readers never hold anything a writer waits for.
 * Statements use safe integers: revisions and positions come back as bigint, never rounded.
 */
export class SqliteReader {
  private readonly streamForwards: Database.Statement;
  private readonly streamBackwards: Database.Statement;
  private readonly revision: Database.Statement;
  private readonly head: Database.Statement;
  private readonly all: Database.Statement;
  private readonly allSmall: Database.Statement;
  private readonly allData: Database.Statement;
  private readonly allDataSmall: Database.Statement;
  private readonly logRows: Database.Statement;
  private readonly filtered = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    const prepare = (sql: string) => db.prepare(sql).safeIntegers(true);
    this.streamForwards = prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    );
    this.streamBackwards = prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
    this.revision = prepare('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck();
    this.head = prepare('SELECT MAX(position) FROM events').pluck();
    const all = (columns: string) =>
      `SELECT ${columns} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`;
    this.all = prepare(all(COLUMNS));
    this.allSmall = db.prepare(all(COLUMNS));
    this.allData = prepare(all(DATA_COLUMNS));
    this.allDataSmall = db.prepare(all(DATA_COLUMNS));
    this.logRows = prepare(all(`${COLUMNS}, log_hash`));
  }

  /** Rows as stored, for the global chain (common/log-chain.ts). */
  logRowsPage(after: bigint, upTo: bigint, limit: number): LogRow[] {
    const rows = this.logRows.all(after, upTo, limit) as (EventRow & { log_hash: string | null })[];
    return rows.map((row) => ({
      position: String(row.position),
      id: row.id,
      streamId: row.stream_id,
      revision: row.revision,
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
      logHash: row.log_hash,
    }));
  }

  /** The stream's last revision, or null when it has no events. */
  streamRevision(streamId: string): bigint | null {
    return (this.revision.get(streamId) as bigint | null) ?? null;
  }

  /** The last global position, 0n when the log is empty. */
  headPosition(): bigint {
    return (this.head.get() as bigint | null) ?? 0n;
  }

  streamPage(streamId: string, from: bigint, forwards: boolean, limit: number): StoredEvent[] {
    const statement = forwards ? this.streamForwards : this.streamBackwards;
    return (statement.all(streamId, from, limit) as EventRow[]).map(eventOfRow);
  }

  /** Events with after < position <= upTo in global order, optionally only of some stream prefixes. */
  allPage(after: bigint, upTo: bigint, limit: number, prefixes?: string[]): StoredEvent[] {
    // Reading numbers rather than bigints is about a tenth faster (rebuilds read the whole log
    // here); it is exact while the page ends below 2^53, i.e. always in practice.
    const small = upTo <= SAFE_POSITION;
    const statement = prefixes
      ? this.filteredStatement(prefixes.length, small)
      : small
        ? this.allSmall
        : this.all;
    const [from, to] = small ? [Number(after), Number(upTo)] : [after, upTo];
    const rows = statement.all(from, to, ...(prefixes ?? []), limit);
    return (rows as EventRow[] | SmallEventRow[]).map(eventOfRow);
  }

  /** `allPage` without metadata and recording time: neither read nor parsed (a fifth of a rebuild). */
  allDataPage(after: bigint, upTo: bigint, limit: number): EventWithoutMetadata[] {
    const rows =
      upTo <= SAFE_POSITION
        ? this.allDataSmall.all(Number(after), Number(upTo), limit)
        : this.allData.all(after, upTo, limit);
    return (rows as DataRow[]).map(dataEventOfRow);
  }

  private filteredStatement(prefixCount: number, small: boolean): Database.Statement {
    const key = `${prefixCount}:${small}`;
    let statement = this.filtered.get(key);
    if (!statement) {
      // instr(...) = 1 is "starts with" without LIKE's wildcards and case folding.
      const anyPrefix = Array.from({ length: prefixCount }, () => 'instr(stream_id, ?) = 1');
      statement = this.db
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ?
           AND (${anyPrefix.join(' OR ')}) ORDER BY position LIMIT ?`,
        )
        .safeIntegers(!small);
      this.filtered.set(key, statement);
    }
    return statement;
  }
}

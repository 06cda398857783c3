import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store.port';

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

const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at';

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamId: row.stream_id,
    revision: row.revision,
    position: String(row.position),
    recordedAt: new Date(row.recorded_at),
  };
}

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
  private readonly filtered = new Map<number, Database.Statement>();

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
    this.all = prepare(
      `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
    );
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
    return (statement.all(streamId, from, limit) as EventRow[]).map(toStoredEvent);
  }

  /** Events with after < position <= upTo in global order, optionally only of some stream prefixes. */
  allPage(after: bigint, upTo: bigint, limit: number, prefixes?: string[]): StoredEvent[] {
    const rows = prefixes
      ? this.filteredStatement(prefixes.length).all(after, upTo, ...prefixes, limit)
      : this.all.all(after, upTo, limit);
    return (rows as EventRow[]).map(toStoredEvent);
  }

  private filteredStatement(prefixCount: number): Database.Statement {
    let statement = this.filtered.get(prefixCount);
    if (!statement) {
      // instr(...) = 1 is "starts with" without LIKE's wildcards and case folding.
      const anyPrefix = Array.from({ length: prefixCount }, () => 'instr(stream_id, ?) = 1');
      statement = this.db
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ?
           AND (${anyPrefix.join(' OR ')}) ORDER BY position LIMIT ?`,
        )
        .safeIntegers(true);
      this.filtered.set(prefixCount, statement);
    }
    return statement;
  }
}

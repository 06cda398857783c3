import Database from 'better-sqlite3';
import { migrate } from './sqlite-migrations';
import { SqliteReader } from './sqlite-reader';
import { tempDatabase } from './testing/temp-database';

/** Positions either side of 2^53, where a number stops being exact. */
const BELOW = 9007199254740990n;
const ABOVE = 9007199254740993n;

describe('SqliteReader pages of the log', () => {
  let file: ReturnType<typeof tempDatabase>;
  let db: Database.Database;
  let reader: SqliteReader;
  beforeEach(() => {
    file = tempDatabase();
    db = new Database(file.filename);
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, 'Noted', '{"n":1}', '{"actor":"x"}', '2026-12-03T00:00:00.000Z')`,
    );
    insert.run(1n, 'id-1', 'case-a', 0n);
    insert.run(2n, 'id-2', 'case-a', 1n);
    insert.run(BELOW, 'id-3', 'case-b', 0n);
    insert.run(ABOVE, 'id-4', 'case-b', 1n);
    reader = new SqliteReader(db);
  });
  afterEach(() => {
    db.close();
    file.remove();
  });

  const positions = (events: { position: string }[]) => events.map((e) => e.position);

  it('reads pages that end below 2^53 as they are', () => {
    const events = reader.allPage(0n, BELOW, 10);
    expect(positions(events)).toEqual(['1', '2', String(BELOW)]);
    expect(events.map((e) => e.revision)).toEqual([0n, 1n, 0n]);
    expect(events[0]).toEqual({
      id: 'id-1',
      type: 'Noted',
      data: { n: 1 },
      metadata: { actor: 'x' },
      streamId: 'case-a',
      revision: 0n,
      position: '1',
      recordedAt: new Date('2026-12-03T00:00:00.000Z'),
    });
  });

  it('keeps every digit of a position past 2^53', () => {
    expect(reader.headPosition()).toBe(ABOVE);
    expect(positions(reader.allPage(2n, ABOVE, 10))).toEqual([String(BELOW), String(ABOVE)]);
    expect(positions(reader.allPage(BELOW, ABOVE, 10, ['case-b']))).toEqual([String(ABOVE)]);
  });

  it('filters by stream prefix the same way on both sides of 2^53', () => {
    expect(positions(reader.allPage(0n, BELOW, 10, ['case-a']))).toEqual(['1', '2']);
    expect(positions(reader.allPage(0n, ABOVE, 10, ['case-b']))).toEqual([
      String(BELOW),
      String(ABOVE),
    ]);
  });
});

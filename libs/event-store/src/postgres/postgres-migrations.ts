import type { Pool } from 'pg';
import { MIGRATION_LOCK, APPEND_LOCK } from './postgres-locks';
import { inTransaction } from './postgres-transaction';
import { CHAIN_FUNCTIONS, FILL_LOG_CHAIN, HEAD_HASH } from './postgres-log-chain';

export interface PostgresMigration {
  version: number;
  description: string;
  up: string;
}

/** The channel `es_append` NOTIFYs on (in its transaction, so delivered at commit): the new head. */
export const APPENDED_CHANNEL = 'es_appended';

/**
 * `es_append(...)`: one batch of appends (the group commit) in one statement, so in one
 * transaction and one round trip. It runs under APPEND_LOCK, a transaction-level advisory lock:
 * one appender at a time across every process, which is what makes positions follow commit order.
 * Positions are max + 1, given out while the lock is held and so only ever after every
 * transaction that gave out a smaller one has committed or rolled back: every snapshot of the
 * table holds a gap-free prefix of the log, and a reader paging by position can skip nothing.
 * (A sequence would not do: its values are handed out at insert time, so a transaction that took
 * 11 may commit after one that took 12, and a reader that saw 12 would never see 11.)
 * The lock is taken in its own statement, before the statement that reads max(position): in
 * READ COMMITTED every statement of a volatile function takes a new snapshot, which then includes
 * the commit of the previous holder.
 *
 * Each append is checked before anything of it is written (nobody else writes meanwhile), so a
 * refused append writes nothing while the others of the batch go in. The usual batch (each append
 * on a stream of its own, none of its ids stored yet) is checked and written in one set-based
 * statement (BATCH_STATEMENT); any other (a retry, a stream twice in one batch) one append at a
 * time, in order, each seeing what the ones before it wrote. Outcomes, one row per append:
 * `ok` (written), `retry` (these ids already sit where the expectation says: the original result),
 * `conflict` (o_revision: the stream's revision, null when it has none), `duplicate` (an id of
 * the append belongs to another stream: o_event_id, o_stream).
 */
/**
 * The usual batch in one statement: every append's stream revision (an index lookup each), its
 * expectation checked, the events of those that pass inserted with the next positions and
 * revisions, and one outcome per append, `ok` or `conflict`. Arrays are read once (unnest), not
 * element by element: an element of a text array is found by walking it from the start.
 */
const batchStatement = (chained: boolean) => `
  WITH ${chained ? 'RECURSIVE ' : ''}appends AS (
    SELECT a.a_i, a.a_stream, a.a_expected, a.a_n,
           sum(a.a_n) OVER (ORDER BY a.a_i) - a.a_n AS a_first,
           (SELECT max(e.revision) FROM es_events e WHERE e.stream_id = a.a_stream) AS a_current
    FROM unnest(streams, expectations, counts) WITH ORDINALITY AS a(a_stream, a_expected, a_n, a_i)
  ), checked AS (
    SELECT appends.*, CASE a_expected
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN a_current IS NULL
      WHEN 'stream_exists' THEN a_current IS NOT NULL
      ELSE coalesce(a_current = a_expected::bigint, false)
    END AS a_ok FROM appends
  ), placed AS (
    SELECT checked.*,
           head + sum(CASE WHEN a_ok THEN a_n ELSE 0 END) OVER (ORDER BY a_i) AS a_last_position
    FROM checked
  ), events AS (
    SELECT * FROM unnest(ids, types, datas, metas) WITH ORDINALITY AS v(v_id, v_type, v_data, v_meta, v_j)
  ), ${chained ? CHAINED_WRITE : UNCHAINED_WRITE}
  )
  SELECT CASE WHEN a_ok THEN 'ok' ELSE 'conflict' END,
         CASE WHEN a_ok THEN coalesce(a_current, -1) + a_n ELSE a_current END,
         CASE WHEN a_ok THEN a_last_position END,
         NULL::uuid, NULL::text
  FROM placed ORDER BY a_i`;

const UNCHAINED_WRITE = `written AS (
    INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at)
    SELECT p.a_last_position - p.a_n + k, v.v_id, p.a_stream, coalesce(p.a_current, -1) + k,
           v.v_type, v.v_data, v.v_meta, at
    FROM placed p
    CROSS JOIN LATERAL generate_series(1, p.a_n) AS k
    JOIN events v ON v.v_j = p.a_first + k
    WHERE p.a_ok
    RETURNING 1`;

/**
 * The rows to write, then their links of the global chain (postgres-log-chain.ts) one after the
 * other from the head's (a recursive CTE: each link needs the one before), then the insert.
 */
const CHAINED_WRITE = `new_rows AS (
    SELECT p.a_last_position - p.a_n + k AS r_position, v.v_id AS r_id, p.a_stream AS r_stream,
           coalesce(p.a_current, -1) + k AS r_revision, v.v_type AS r_type, v.v_data AS r_data,
           v.v_meta AS r_meta
    FROM placed p
    CROSS JOIN LATERAL generate_series(1, p.a_n) AS k
    JOIN events v ON v.v_j = p.a_first + k
    WHERE p.a_ok
  ), chain AS (
    SELECT head AS c_position, head_hash AS c_hash
    UNION ALL
    SELECT r.r_position, es_log_link(c.c_hash, r.r_position, r.r_stream,
             es_row_digest(r.r_revision, at, r.r_id, r.r_type, r.r_data, r.r_meta))
    FROM chain c JOIN new_rows r ON r.r_position = c.c_position + 1
  ), written AS (
    INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at, log_hash)
    SELECT r.r_position, r.r_id, r.r_stream, r.r_revision, r.r_type, r.r_data, r.r_meta, at, c.c_hash
    FROM new_rows r JOIN chain c ON c.c_position = r.r_position
    RETURNING 1`;

/** One append of the slow path: written row by row when chained, each linked to the one before. */
const loopInsert = (chained: boolean) =>
  chained
    ? `FOR k IN 1 .. n LOOP
        head_hash := es_log_link(head_hash, head + k, s, es_row_digest(
          coalesce(current_revision, -1) + k, at, ids[first + k - 1], types[first + k - 1],
          datas[first + k - 1], metas[first + k - 1]));
        INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at, log_hash)
          VALUES (head + k, ids[first + k - 1], s, coalesce(current_revision, -1) + k,
                  types[first + k - 1], datas[first + k - 1], metas[first + k - 1], at, head_hash);
      END LOOP;`
    : `INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at)
        SELECT head + k, ids[first + k - 1], s, coalesce(current_revision, -1) + k,
               types[first + k - 1], datas[first + k - 1], metas[first + k - 1], at
        FROM generate_series(1, n) AS k;`;

/** es_append as first released (chained: false) and with the global chain (chained: true). */
const appendFunction = (chained: boolean) => `
CREATE ${chained ? 'OR REPLACE ' : ''}FUNCTION es_append(
  streams text[], expectations text[], counts int[],
  ids uuid[], types text[], datas text[], metas text[], at timestamptz
) RETURNS TABLE (o_outcome text, o_revision bigint, o_position bigint, o_event_id uuid, o_stream text)
LANGUAGE plpgsql
-- every look-up here is a few keys in a big table: an index scan, whatever the statistics say
-- (a young table's say it is small, and a plan cached then would scan it whole for ever)
SET enable_seqscan = off
AS $fn$
DECLARE
  first int := 1;
  n int;
  s text;
  expected text;
  current_revision bigint;
  head bigint;
  start_revision bigint;
  matched boolean;
  known record;
  has_known boolean;
  last_stored record;
  written boolean := false;
  new_head bigint;${chained ? '\n  head_hash text;' : ''}
BEGIN
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
  SELECT COALESCE(max(e.position), 0) INTO head FROM es_events e;${chained ? HEAD_HASH : ''}
  IF cardinality(streams) = (SELECT count(DISTINCT x) FROM unnest(streams) AS x)
     AND NOT EXISTS (SELECT 1 FROM unnest(ids) AS x(id) JOIN es_events e ON e.id = x.id) THEN
    RETURN QUERY ${batchStatement(chained)};
    SELECT max(e.position) INTO new_head FROM es_events e;
    IF new_head > head THEN
      PERFORM pg_notify('${APPENDED_CHANNEL}', new_head::text);
    END IF;
    RETURN;
  END IF;
  FOR i IN 1 .. coalesce(array_length(streams, 1), 0) LOOP
    s := streams[i];
    expected := expectations[i];
    n := counts[i];
    o_outcome := NULL; o_revision := NULL; o_position := NULL; o_event_id := NULL; o_stream := NULL;
    SELECT max(e.revision) INTO current_revision FROM es_events e WHERE e.stream_id = s;
    matched := CASE expected
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN current_revision IS NULL
      WHEN 'stream_exists' THEN current_revision IS NOT NULL
      ELSE coalesce(current_revision = expected::bigint, false)
    END;
    -- an id of the append already stored, the first one looked at first
    SELECT e.id, e.stream_id, e.revision, (e.id = ids[first]) AS is_first INTO known
      FROM unnest(ids[first : first + n - 1]) AS x(id) JOIN es_events e ON e.id = x.id
      ORDER BY (e.id = ids[first]) DESC LIMIT 1;
    has_known := FOUND;
    IF NOT has_known AND matched THEN
      ${loopInsert(chained)}
      head := head + n;
      written := true;
      o_outcome := 'ok';
      o_revision := coalesce(current_revision, -1) + n;
      o_position := head;
    ELSIF has_known AND known.stream_id <> s THEN
      o_outcome := 'duplicate'; o_event_id := known.id; o_stream := known.stream_id;
    ELSIF has_known AND known.is_first THEN
      -- a retry only when the whole append sits, in order, where the expectation says
      start_revision := CASE expected
        WHEN 'no_stream' THEN 0
        WHEN 'any' THEN known.revision
        WHEN 'stream_exists' THEN known.revision
        ELSE expected::bigint + 1
      END;
      SELECT count(*) AS stored, max(e.revision) AS revision, max(e.position) AS position
        INTO last_stored
        FROM unnest(ids[first : first + n - 1]) WITH ORDINALITY AS w(id, k)
        JOIN es_events e ON e.id = w.id AND e.stream_id = s AND e.revision = start_revision + w.k - 1;
      IF known.revision = start_revision AND last_stored.stored = n THEN
        o_outcome := 'retry'; o_revision := last_stored.revision; o_position := last_stored.position;
      ELSE
        o_outcome := 'conflict'; o_revision := current_revision;
      END IF;
    ELSE
      o_outcome := 'conflict'; o_revision := current_revision;
    END IF;
    RETURN NEXT;
    first := first + n;
  END LOOP;
  IF written THEN
    PERFORM pg_notify('${APPENDED_CHANNEL}', head::text);
  END IF;
END
$fn$;
`;

/** Ordered, append-only: never edit a released migration, add the next version instead. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description:
      'es_events: gap-free global position, unique (stream, revision), unique id; es_append',
    up: `
      CREATE TABLE es_events (
        position    BIGINT PRIMARY KEY CHECK (position > 0),
        id          UUID NOT NULL,
        stream_id   TEXT COLLATE "C" NOT NULL,
        revision    BIGINT NOT NULL CHECK (revision >= 0),
        type        TEXT NOT NULL,
        data        TEXT NOT NULL,
        metadata    TEXT NOT NULL,
        recorded_at TIMESTAMPTZ NOT NULL
      );
      CREATE UNIQUE INDEX es_events_stream_revision ON es_events (stream_id, revision);
      CREATE UNIQUE INDEX es_events_id ON es_events (id);
      ${appendFunction(false)}
    `,
  },
  {
    version: 2,
    description:
      'es_events.log_hash: the global hash chain, filled for older rows; es_append links',
    up: `
      ALTER TABLE es_events ADD COLUMN log_hash TEXT;
      ${CHAIN_FUNCTIONS}
      ${FILL_LOG_CHAIN}
      ${appendFunction(true)}
    `,
  },
];

/** A schema's versioned migrations, as `migratePostgres` applies them. */
export interface PostgresSchema {
  /** what the schema is, for messages ("Event store") */
  what: string;
  /** its version table, e.g. es_schema_version */
  versionTable: string;
  /** the advisory lock key held while migrating */
  lock: number;
  migrations: readonly PostgresMigration[];
}

export const EVENT_STORE_SCHEMA: PostgresSchema = {
  what: 'Event store',
  versionTable: 'es_schema_version',
  lock: MIGRATION_LOCK,
  migrations: POSTGRES_MIGRATIONS,
};

/**
 * Brings a schema up to date in one transaction under its advisory lock (api instances, the
 * projector and tools may open it together); each version applied is a row of its version table.
 * A database whose schema is newer than this code refuses to open.
 */
export async function migratePostgres(
  pool: Pool,
  { what, versionTable, lock, migrations }: PostgresSchema,
): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${what} migrations must be numbered 1..n`);
  });
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${versionTable} (
      version     INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ current: number | null }>(
      `SELECT max(version) AS current FROM ${versionTable}`,
    );
    const current = rows[0]?.current ?? 0;
    if (current > migrations.length)
      throw new Error(
        `${what} schema version ${current} is newer than this code knows (${migrations.length}); upgrade the application`,
      );
    for (const m of migrations.slice(current)) {
      await client.query(m.up);
      await client.query(`INSERT INTO ${versionTable} (version, description) VALUES ($1, $2)`, [
        m.version,
        m.description,
      ]);
    }
    return migrations.length;
  });
}

import { LOG_CHAIN_GENESIS } from '../common/log-chain';

/**
 * The global hash chain in SQL, byte for byte as common/log-chain.ts computes it (a spec compares
 * the two): `es_row_digest` and `es_log_link`. `octet_length` counts UTF-8 bytes in a UTF8
 * database (the only encoding the store supports for text it keeps as given); the recording time
 * is written as `toISOString` writes it (PostgreSQL keeps microseconds, the store is given
 * milliseconds).
 */
export const CHAIN_FUNCTIONS = `
CREATE FUNCTION es_field(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT octet_length(t)::text || ':' || t $$;

CREATE FUNCTION es_row_digest(rev bigint, at timestamptz, id uuid, typ text, dat text, meta text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT encode(sha256(convert_to(
  rev::text || E'\\n' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || E'\\n'
  || es_field(id::text) || es_field(typ) || es_field(dat) || es_field(meta), 'UTF8')), 'hex') $$;

CREATE FUNCTION es_log_link(prev text, pos bigint, stream text, digest text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT encode(sha256(convert_to(
  prev || E'\\n' || pos::text || E'\\n' || es_field(stream) || digest, 'UTF8')), 'hex') $$;
`;

/** es_append's first step after taking the lock and reading the head: the head's link. */
export const HEAD_HASH = `
  SELECT coalesce((SELECT e.log_hash FROM es_events e WHERE e.position = head), '${LOG_CHAIN_GENESIS}')
    INTO head_hash;`;

/** Links the rows written before the chain existed, in position order (one pass, at migration). */
export const FILL_LOG_CHAIN = `
DO $fill$
DECLARE
  r record;
  previous text := '${LOG_CHAIN_GENESIS}';
BEGIN
  FOR r IN SELECT * FROM es_events ORDER BY position LOOP
    previous := es_log_link(previous, r.position, r.stream_id,
      es_row_digest(r.revision, r.recorded_at, r.id, r.type, r.data, r.metadata));
    UPDATE es_events SET log_hash = previous WHERE position = r.position;
  END LOOP;
END
$fill$;
`;

import type { FromPosition } from './event-store.port';

const INTEGER_POSITION = /^(0|[1-9][0-9]*)$/;
const ESDB_POSITION = /^C(0|[1-9][0-9]*)\/P(0|[1-9][0-9]*)$/;

type Parsed =
  | { kind: 'start' }
  | { kind: 'integer'; at: bigint }
  | { kind: 'esdb'; commit: bigint; prepare: bigint };

function parse(position: FromPosition): Parsed {
  if (position === 'start') return { kind: 'start' };
  if (INTEGER_POSITION.test(position)) return { kind: 'integer', at: BigInt(position) };
  const esdb = ESDB_POSITION.exec(position);
  if (esdb) return { kind: 'esdb', commit: BigInt(esdb[1]), prepare: BigInt(esdb[2]) };
  throw new RangeError(`Not an event store position: "${position}"`);
}

const sign = (d: bigint): number => (d < 0n ? -1 : d > 0n ? 1 : 0);

/**
 * Orders two global positions of the same adapter: negative when `a` comes first, 0 when equal.
 * Positions are strings, so `<` would compare them as text ("10" < "9"); use this instead.
 * `'start'` sorts before every position. Mixing integer (SQLite, PostgreSQL) and EventStoreDB positions throws.
 */
export function comparePositions(a: FromPosition, b: FromPosition): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa.kind === 'start' || pb.kind === 'start') {
    return (pa.kind === 'start' ? 0 : 1) - (pb.kind === 'start' ? 0 : 1);
  }
  if (pa.kind === 'integer' && pb.kind === 'integer') return sign(pa.at - pb.at);
  if (pa.kind === 'esdb' && pb.kind === 'esdb') {
    return sign(pa.commit - pb.commit) || sign(pa.prepare - pb.prepare);
  }
  throw new RangeError(`Cannot compare positions of different stores: "${a}" and "${b}"`);
}

/** True when `position` is a well-formed position of either adapter (or 'start'). */
export function isPosition(position: unknown): position is FromPosition {
  if (typeof position !== 'string') return false;
  return position === 'start' || INTEGER_POSITION.test(position) || ESDB_POSITION.test(position);
}

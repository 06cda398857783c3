import type { Position as EsdbPosition } from '@eventstore/db-client';
import type { FromPosition, Position } from '../event-store.port';
import { MAX_REVISION } from '../validation';

const ESDB_POSITION = /^C(0|[1-9][0-9]{0,18})\/P(0|[1-9][0-9]{0,18})$/;

/** The opaque position string of an $all position: "C<commit>/P<prepare>". */
export function encodePosition({ commit, prepare }: EsdbPosition): Position {
  if (commit > MAX_REVISION || prepare > MAX_REVISION) {
    // EventStoreDB before 22.10 reports no $all position on stream reads (it sends -1 as uint64)
    throw new Error(
      'EventStoreDB did not report the $all position of an event (EventStoreDB 22.10 or later is required)',
    );
  }
  return `C${commit}/P${prepare}`;
}

export function decodePosition(position: Position): EsdbPosition {
  const match = ESDB_POSITION.exec(position);
  if (!match) throw new RangeError(`Not an EventStoreDB position: "${position}"`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** 'start' or a well-formed EventStoreDB position within the server's int64 range. */
export function isEsdbPosition(position: unknown): position is FromPosition {
  if (position === 'start') return true;
  if (typeof position !== 'string') return false;
  const match = ESDB_POSITION.exec(position);
  return match !== null && BigInt(match[1]) <= MAX_REVISION && BigInt(match[2]) <= MAX_REVISION;
}

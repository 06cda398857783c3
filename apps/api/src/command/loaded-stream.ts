import type { Position } from '@app/event-store';

/** A stream folded to its state, with what an append must know of its head. */
export interface LoadedStream<State> {
  state: State;
  revision: bigint | 'no_stream';
  lastHash?: string;
  lastPosition?: Position;
  /** recordedAt of the last event's metadata */
  lastRecordedAt?: string;
  /** the stream already holds the event id `load` was asked to look for */
  holdsId?: boolean;
}

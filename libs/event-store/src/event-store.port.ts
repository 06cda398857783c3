/**
 * The EventStore port: the only way the application touches the event log.
 * Semantics follow EventStoreDB so that the embedded SQLite adapter and the production
 * PostgreSQL and EventStoreDB adapters are interchangeable (all run `eventStoreContract`).
 */

/** Opaque global log position. SQLite and PostgreSQL: a decimal integer ("42", gap-free from 1); EventStoreDB: "C<commit>/P<prepare>". Compare with `comparePositions`. */
export type Position = string;

/** Where reading the global log starts. Reads and subscriptions return events strictly after a position. */
export type FromPosition = 'start' | Position;

export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface EventToAppend {
  /** uuid; re-appending the same ids at the same place is idempotent */
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export interface StoredEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  streamId: string;
  /** 0-based revision of the event in its stream */
  revision: bigint;
  position: Position;
  recordedAt: Date;
}

/** A stored event without its metadata and recording time: what projections read of the log. */
export type EventWithoutMetadata = Omit<StoredEvent, 'metadata' | 'recordedAt'>;

export interface AppendResult {
  /** revision of the last event written (the stream's current revision) */
  nextRevision: bigint;
  /** global position of the last event written */
  position: Position;
}

export interface ReadStreamOptions {
  fromRevision?: 'start' | 'end' | bigint;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  fromPosition?: FromPosition;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  fromPosition?: FromPosition;
  /** only events of streams whose id starts with one of these prefixes */
  streamPrefixes?: string[];
}

/** Catches up from `fromPosition`, then goes live. Iterate it with `for await`; `stop()` ends the iteration. */
export interface AllSubscription extends AsyncIterable<StoredEvent> {
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically. A wrong expectation throws WrongExpectedRevision; re-appending ids already
   * stored at that place returns the original result. Bad input (including an empty `events`
   * array) throws InvalidEventStoreInput and writes nothing.
   */
  appendToStream(
    streamId: string,
    events: EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Streams the events; throws StreamNotFound when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /**
   * `readAll` without metadata and recording time, for readers that never look at them (a
   * rebuild): a store that keeps them apart neither reads nor parses them.
   */
  readAllWithoutMetadata(options?: ReadAllOptions): AsyncIterable<EventWithoutMetadata>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Position of the last event in the log, or null when the log is empty. */
  headPosition(): Promise<Position | null>;
  close(): Promise<void>;
}

/** DI token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');

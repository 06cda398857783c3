import type {
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
} from './event-store.port';
import { InvalidEventStoreInput } from './errors';
import { toFaithfulJson } from './json-payload';

/** An event checked and serialised before any adapter touches its storage. */
export interface ValidEvent {
  /** lower-case canonical uuid */
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface ValidAppend {
  streamId: string;
  events: ValidEvent[];
  expectedRevision: ExpectedRevision;
}

/** Revisions and positions are SQLite INTEGERs (and ESDB uint64s): 0 .. 2^63 - 1. */
export const MAX_REVISION = 2n ** 63n - 1n;
const isRevision = (value: unknown): value is bigint =>
  typeof value === 'bigint' && value >= 0n && value <= MAX_REVISION;

/** A position of a store whose positions are integers (SQLite, PostgreSQL), or 'start'. */
export const isIntegerPosition = (p: unknown): boolean =>
  p === 'start' || (typeof p === 'string' && /^[0-9]{1,19}$/.test(p) && BigInt(p) <= MAX_REVISION);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID_LENGTH = 1000;

/**
 * Text every store keeps as given: PostgreSQL refuses NUL in text, and a lone surrogate has no
 * UTF-8 form (it would be stored as U+FFFD, and the stream read back under another name).
 * (Payloads are JSON text, where both are written as escapes.)
 */
const isStorableText = (text: string): boolean => !NUL_OR_LONE_SURROGATE.test(text);
const NUL_OR_LONE_SURROGATE =
  /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function validateStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.trim().length === 0) {
    throw new InvalidEventStoreInput('the stream id must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidEventStoreInput(`the stream id is longer than ${MAX_STREAM_ID_LENGTH}`);
  }
  if (!isStorableText(streamId)) {
    throw new InvalidEventStoreInput('the stream id holds a NUL or a lone surrogate');
  }
  return streamId;
}

function validateExpectedRevision(expected: unknown): ExpectedRevision {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') {
    return expected;
  }
  if (isRevision(expected)) return expected;
  throw new InvalidEventStoreInput(
    `expectedRevision must be 'no_stream', 'stream_exists', 'any' or a bigint >= 0, got ${String(expected)}`,
  );
}

function validateEvent(event: unknown, i: number): ValidEvent {
  if (typeof event !== 'object' || event === null) {
    throw new InvalidEventStoreInput(`events[${i}] is not an object`);
  }
  const { id, type, data, metadata } = event as Partial<EventToAppend>;
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidEventStoreInput(`events[${i}].id must be a uuid, got ${String(id)}`);
  }
  if (typeof type !== 'string' || type.length === 0) {
    throw new InvalidEventStoreInput(`events[${i}].type must be a non-empty string`);
  }
  if (!isStorableText(type)) {
    throw new InvalidEventStoreInput(`events[${i}].type holds a NUL or a lone surrogate`);
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidEventStoreInput(`events[${i}].metadata must be an object`);
  }
  return {
    id: id.toLowerCase(),
    type,
    data: toFaithfulJson(data, `events[${i}].data`),
    metadata: toFaithfulJson(metadata, `events[${i}].metadata`),
  };
}

/**
 * Checks an append completely before it is queued. An empty `events` array is refused
 * (InvalidEventStoreInput): there is no position to report for a write that writes nothing.
 */
export function validateAppend(
  streamId: unknown,
  events: unknown,
  expectedRevision: unknown = 'any',
): ValidAppend {
  const stream = validateStreamId(streamId);
  if (!Array.isArray(events)) throw new InvalidEventStoreInput('events must be an array');
  if (events.length === 0) throw new InvalidEventStoreInput('events must not be empty');
  const valid = events.map(validateEvent);
  if (new Set(valid.map((e) => e.id)).size !== valid.length) {
    throw new InvalidEventStoreInput('the same event id appears twice in one append');
  }
  return {
    streamId: stream,
    events: valid,
    expectedRevision: validateExpectedRevision(expectedRevision),
  };
}

function validateMaxCount(maxCount: unknown): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (typeof maxCount === 'number' && Number.isSafeInteger(maxCount) && maxCount >= 0) {
    return maxCount;
  }
  throw new InvalidEventStoreInput(`maxCount must be an integer >= 0, got ${String(maxCount)}`);
}

export interface ValidReadStream {
  fromRevision: 'start' | 'end' | bigint;
  direction: 'forwards' | 'backwards';
  maxCount: number;
}

export function validateReadStream(options: ReadStreamOptions = {}): ValidReadStream {
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidEventStoreInput(`direction must be 'forwards' or 'backwards'`);
  }
  const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
  if (from !== 'start' && from !== 'end' && !isRevision(from)) {
    throw new InvalidEventStoreInput(
      `fromRevision must be 'start', 'end' or a bigint >= 0, got ${String(from)}`,
    );
  }
  return { fromRevision: from, direction, maxCount: validateMaxCount(options.maxCount) };
}

export function validateReadAll(
  options: ReadAllOptions = {},
  isPosition: (p: unknown) => boolean,
): { fromPosition: string; maxCount: number } {
  const from = options.fromPosition ?? 'start';
  if (!isPosition(from)) {
    throw new InvalidEventStoreInput(
      `fromPosition is not a position of this store: ${String(from)}`,
    );
  }
  return { fromPosition: from, maxCount: validateMaxCount(options.maxCount) };
}

export function validateStreamPrefixes(prefixes: unknown): string[] | undefined {
  if (prefixes === undefined) return undefined;
  if (
    !Array.isArray(prefixes) ||
    prefixes.length === 0 ||
    prefixes.some((p) => typeof p !== 'string' || p.length === 0 || !isStorableText(p))
  ) {
    // An empty list would match nothing; that is almost certainly a configuration mistake.
    throw new InvalidEventStoreInput(
      'streamPrefixes must be a non-empty array of non-empty strings',
    );
  }
  return prefixes as string[];
}

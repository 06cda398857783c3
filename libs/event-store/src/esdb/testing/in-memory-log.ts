/**
 * The part of EventStoreDB's storage the test server needs, in memory: streams, the $all log and
 * the append decision of the server's IndexWriter.CheckCommit (expected revision and idempotency).
 * No deletes, no transactions, no links, no ACLs.
 */

export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface LoggedEvent extends ProposedEvent {
  streamId: string;
  revision: bigint;
  /** Log position of the record; commit == prepare for every event (single-stream writes). */
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB reports `created` */
  created: bigint;
}

export type AppendOutcome =
  | { kind: 'written' | 'idempotent'; currentRevision: bigint; position: bigint }
  | { kind: 'wrong_expected_version'; current: bigint | 'no_stream' };

type Check = { kind: 'ok' } | Exclude<AppendOutcome, { kind: 'written' }>;

/** Where $all starts: a fresh EventStoreDB database has its first records a little way in. */
const FIRST_POSITION = 128n;
/** Roughly the size of a prepare record's header, so positions are byte offsets with gaps. */
const RECORD_OVERHEAD = 96;
const TICKS_PER_MS = 10_000n;

export class InMemoryEventLog {
  private readonly all: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  /** EventStoreDB keeps a bounded cache of recent event ids for the weak check; this keeps all. */
  private readonly byId = new Map<string, LoggedEvent[]>();
  private nextPosition = FIRST_POSITION;
  private appended: (() => void)[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Last record's position, or null while the log is empty. */
  get head(): bigint | null {
    return this.all.length === 0 ? null : this.all[this.all.length - 1].position;
  }

  append(streamId: string, expected: ExpectedVersion, events: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const check = this.check(streamId, stream, expected, events);
    if (check.kind !== 'ok') return check;
    const created = BigInt(this.now().getTime()) * TICKS_PER_MS;
    for (const proposed of events) {
      const revision = BigInt(stream.length);
      const logged = { ...proposed, streamId, revision, created, position: this.nextPosition };
      this.nextPosition += BigInt(recordSize(logged));
      stream.push(logged);
      this.all.push(logged);
      this.byId.set(logged.id, [...(this.byId.get(logged.id) ?? []), logged]);
    }
    this.streams.set(streamId, stream);
    const last = stream[stream.length - 1];
    const waiting = this.appended;
    this.appended = [];
    waiting.forEach((wake) => wake());
    return { kind: 'written', currentRevision: last.revision, position: last.position };
  }

  /** Events of one stream, or null when it has none. `from` is inclusive. */
  readStream(
    streamId: string,
    from: 'start' | 'end' | bigint,
    direction: 'forwards' | 'backwards',
    maxCount: bigint,
  ): LoggedEvent[] | null {
    const stream = this.streams.get(streamId);
    if (!stream) return null;
    const last = stream.length - 1;
    if (direction === 'forwards') {
      const start = from === 'start' ? 0 : from === 'end' ? last + 1 : clamp(from, last + 1);
      return stream.slice(start, start + limit(maxCount));
    }
    const start = from === 'start' ? 0 : from === 'end' ? last : clamp(from, last);
    return stream.slice(Math.max(0, start + 1 - limit(maxCount)), start + 1).reverse();
  }

  /** Forwards from a position is inclusive; backwards returns the events strictly before it. */
  readAll(
    from: 'start' | 'end' | bigint,
    direction: 'forwards' | 'backwards',
    maxCount: bigint,
  ): LoggedEvent[] {
    if (direction === 'forwards') {
      if (from === 'end') return [];
      const start = from === 'start' ? 0 : this.indexAtOrAfter(from);
      return this.all.slice(start, start + limit(maxCount));
    }
    const end =
      from === 'end' ? this.all.length : this.indexAtOrAfter(from === 'start' ? 0n : from);
    return this.all.slice(Math.max(0, end - limit(maxCount)), end).reverse();
  }

  /** Up to `count` events strictly after `position` (null: from the first event). */
  after(position: bigint | null, count: number): LoggedEvent[] {
    const start = position === null ? 0 : this.indexAtOrAfter(position + 1n);
    return this.all.slice(start, start + count);
  }

  /** Resolves on the next append. */
  nextAppend(): Promise<void> {
    return new Promise((resolve) => this.appended.push(resolve));
  }

  private indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.all[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** IndexWriter.CheckCommit without deletes: `CorruptedIdempotency` also answers WrongExpectedVersion. */
  private check(
    streamId: string,
    stream: LoggedEvent[],
    expected: ExpectedVersion,
    events: ProposedEvent[],
  ): Check {
    const current = BigInt(stream.length) - 1n;
    const wrong: Check = {
      kind: 'wrong_expected_version',
      current: current < 0n ? 'no_stream' : current,
    };
    if (expected === 'stream_exists' && current < 0n) return wrong;
    if (expected === 'any' || expected === 'stream_exists') {
      // weak check: where the ids were written is not known, so look them up by id
      let last: LoggedEvent | undefined;
      for (const [i, { id }] of events.entries()) {
        const found = this.byId.get(id)?.find((e) => e.streamId === streamId);
        if (!found) return i === 0 ? { kind: 'ok' } : wrong;
        last = found;
      }
      return last ? idempotent(last) : { kind: 'ok' };
    }
    const after = expected === 'no_stream' ? -1n : expected;
    if (after > current) return wrong;
    if (after === current) return { kind: 'ok' };
    // strong check: the events must be exactly the ones stored after `after`
    const start = Number(after + 1n);
    const matches = events.every(({ id }, i) => stream[start + i]?.id === id);
    return matches ? idempotent(stream[start + events.length - 1]) : wrong;
  }
}

const idempotent = (last: LoggedEvent): Check => ({
  kind: 'idempotent',
  currentRevision: last.revision,
  position: last.position,
});

const limit = (maxCount: bigint): number =>
  maxCount > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(maxCount);

const clamp = (revision: bigint, max: number): number =>
  revision > BigInt(max) ? max : Number(revision);

function recordSize(event: LoggedEvent): number {
  const text = Buffer.byteLength(event.streamId) + Buffer.byteLength(event.type);
  return RECORD_OVERHEAD + text + event.data.length + event.customMetadata.length;
}

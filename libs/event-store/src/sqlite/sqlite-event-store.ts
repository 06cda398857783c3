import type Database from 'better-sqlite3';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  EventWithoutMetadata,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { EventStoreClosed, StreamNotFound } from '../errors';
import {
  isIntegerPosition,
  validateAppend,
  validateReadAll,
  validateReadStream,
  validateStreamId,
  validateStreamPrefixes,
  type ValidAppend,
} from '../validation';
import { CommitSignal, yieldToEventLoop } from '../common/commit-signal';
import { GroupCommitQueue } from '../common/group-commit-queue';
import { openSqliteConnection } from './sqlite-connection';
import { SqliteReader } from './sqlite-reader';
import { itemsOf } from '../common/page-iterable';
import { PAGE_SIZE, logSubscription } from '../common/log-subscription';
import { SqliteWriter } from './sqlite-writer';

export interface SqliteEventStoreOptions {
  /** Database file; created (with its schema) when missing. */
  filename: string;
  /** Stamps `recordedAt`; defaults to the system clock. */
  now?: () => Date;
  /**
   * How often live subscriptions check for commits made by OTHER processes on the same file
   * (e.g. apps/projector reading what apps/api writes). Commits of this store wake subscriptions
   * directly and never wait for this timer. `false` turns cross-process polling off. Default 100.
   */
  crossProcessPollMs?: number | false;
  /** How long to wait for another process's write lock before failing. Default 5000. */
  busyTimeoutMs?: number;
}

/** The embedded EventStore: one SQLite file in WAL mode, one writing connection per process. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly reader: SqliteReader;
  private readonly queue: GroupCommitQueue<ValidAppend, AppendResult>;
  private readonly committed = new CommitSignal();
  private readonly subscriptions = new Set<AllSubscription>();
  private readonly now: () => Date;
  private readonly pollMs: number | false;
  private poller: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private closed = false;
  private counts = { commits: 0, appends: 0 };

  constructor(options: SqliteEventStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.crossProcessPollMs ?? 100;
    this.db = openSqliteConnection(options.filename, options.busyTimeoutMs ?? 5000);
    this.reader = new SqliteReader(this.db);
    const writer = new SqliteWriter(this.db);
    this.queue = new GroupCommitQueue((batch) => {
      const outcomes = writer.commit(batch, this.now());
      this.counts.commits += 1;
      this.counts.appends += batch.length;
      this.committed.notify();
      return outcomes;
    });
  }

  /** Group-commit counters since open: transactions committed and appends they carried. */
  get stats(): { commits: number; appends: number } {
    return { ...this.counts };
  }

  /** See the port. An empty `events` array is refused with InvalidEventStoreInput. */
  async appendToStream(
    streamId: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (this.closing) throw new EventStoreClosed();
    return this.queue.enqueue(validateAppend(streamId, events, options.expectedRevision));
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    const stream = validateStreamId(streamId);
    const { fromRevision, direction, maxCount } = validateReadStream(options);
    const forwards = direction === 'forwards';
    return this.paged(async function* (this: SqliteEventStore) {
      const last = this.readable().reader.streamRevision(stream);
      if (last === null) throw new StreamNotFound(stream);
      let next = fromRevision === 'start' ? 0n : fromRevision === 'end' ? last : fromRevision;
      if (fromRevision === 'end' && forwards) next += 1n;
      for (let left = maxCount; left > 0 && next >= 0n;) {
        const limit = Math.min(PAGE_SIZE, left);
        const events = this.readable().reader.streamPage(stream, next, forwards, limit);
        yield events;
        if (events.length < limit) return;
        left -= events.length;
        next = events[events.length - 1].revision + (forwards ? 1n : -1n);
        await yieldToEventLoop();
      }
    });
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.pagesOfAll(options, (reader, after, head, limit) =>
      reader.allPage(after, head, limit),
    );
  }

  readAllWithoutMetadata(options?: ReadAllOptions): AsyncIterable<EventWithoutMetadata> {
    return this.pagesOfAll(options, (reader, after, head, limit) =>
      reader.allDataPage(after, head, limit),
    );
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const { fromPosition } = validateReadAll(options, isIntegerPosition);
    const prefixes = validateStreamPrefixes(options.streamPrefixes);
    if (this.closing) throw new EventStoreClosed();
    const source = {
      head: () => this.readable().reader.headPosition(),
      page: (after: bigint, upTo: bigint, limit: number, p?: string[]) =>
        this.readable().reader.allPage(after, upTo, limit, p),
      nextCommit: () => this.committed.next(),
    };
    const from = fromPosition === 'start' ? 0n : BigInt(fromPosition);
    const subscription = logSubscription(source, from, prefixes, () => {
      this.subscriptions.delete(subscription);
      this.updatePoller();
    });
    this.subscriptions.add(subscription);
    this.updatePoller();
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    const head = this.readable().reader.headPosition();
    return head === 0n ? null : String(head);
  }

  /** Flushes appends already accepted, ends subscriptions, then closes the file. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue.drain();
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      this.updatePoller();
      this.closed = true;
      this.db.close();
    })();
    return this.closing;
  }

  private readable(): this {
    if (this.closed) throw new EventStoreClosed();
    return this;
  }

  /** Events from a generator of pages (each a bounded query), checked open now and per page. */
  private paged<T>(read: (this: SqliteEventStore) => AsyncGenerator<T[]>) {
    this.readable();
    return itemsOf(() => read.call(this));
  }

  /** The global log strictly after `fromPosition`, one `page` at a time. */
  private pagesOfAll<T extends { position: Position }>(
    options: ReadAllOptions | undefined,
    page: (reader: SqliteReader, after: bigint, head: bigint, limit: number) => T[],
  ): AsyncIterable<T> {
    const { fromPosition, maxCount } = validateReadAll(options, isIntegerPosition);
    return this.paged(async function* (this: SqliteEventStore) {
      // Bounded by the head at the first page, so a busy log cannot keep the read going forever.
      const head = this.readable().reader.headPosition();
      let after = fromPosition === 'start' ? 0n : BigInt(fromPosition);
      for (let left = maxCount; left > 0 && after < head;) {
        const limit = Math.min(PAGE_SIZE, left);
        const events = page(this.readable().reader, after, head, limit);
        yield events;
        if (events.length < limit) return;
        left -= events.length;
        after = BigInt(events[events.length - 1].position);
        await yieldToEventLoop();
      }
    });
  }

  /**
   * Cross-process fallback only: `PRAGMA data_version` changes when another connection commits.
   * Commits made through this store notify subscriptions directly. Runs only while subscribed.
   */
  private updatePoller(): void {
    const wanted = this.pollMs !== false && this.subscriptions.size > 0 && !this.closed;
    if (wanted && !this.poller) {
      let seen = this.db.pragma('data_version', { simple: true });
      this.poller = setInterval(() => {
        const version = this.db.pragma('data_version', { simple: true });
        if (version !== seen) {
          seen = version;
          this.committed.notify();
        }
      }, this.pollMs as number).unref();
    } else if (!wanted && this.poller) {
      clearInterval(this.poller);
      this.poller = undefined;
    }
  }
}

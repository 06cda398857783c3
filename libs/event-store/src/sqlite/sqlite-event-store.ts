import type Database from 'better-sqlite3';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  EventWithoutMetadata,
  ExpectedRevision,
  FromPosition,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { EventStoreClosed } from '../errors';
import { validateAppend, type ValidAppend } from '../validation';
import { CommitSignal } from '../common/commit-signal';
import { GroupCommitQueue } from '../common/group-commit-queue';
import { openSqliteConnection } from './sqlite-connection';
import { SqliteReader } from './sqlite-reader';
import { readLogPages, readStreamPages } from '../common/paged-reads';
import { subscribeToLog, type SubscriptionSource } from '../common/log-subscription';
import { SqliteWriter } from './sqlite-writer';
import type { ChainedEventLog, LogRow } from '../common/log-chain';

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
export class SqliteEventStore implements EventStore, ChainedEventLog {
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
    return readStreamPages(() => this.readable().reader, streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.logPages(options, (reader, ...range) => reader.allPage(...range));
  }

  readAllWithoutMetadata(options?: ReadAllOptions): AsyncIterable<EventWithoutMetadata> {
    return this.logPages(options, (reader, ...range) => reader.allDataPage(...range));
  }

  readLogRows(options?: { fromPosition?: FromPosition; maxCount?: number }): AsyncIterable<LogRow> {
    return this.logPages(options, (reader, ...range) => reader.logRowsPage(...range));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    if (this.closing) throw new EventStoreClosed();
    const source: SubscriptionSource = {
      head: () => this.readable().reader.headPosition(),
      page: (after, upTo, limit, p) => this.readable().reader.allPage(after, upTo, limit, p),
      nextCommit: () => this.committed.next(),
    };
    return subscribeToLog(source, options, this.subscriptions, () => this.updatePoller());
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

  /** The global log, one `page` of the reader at a time (see readLogPages). */
  private logPages<T extends { position: Position }>(
    options: ReadAllOptions | undefined,
    page: (reader: SqliteReader, after: bigint, head: bigint, limit: number) => T[],
  ): AsyncIterable<T> {
    this.readable();
    return readLogPages(
      () => this.readable().reader.headPosition(),
      (after, head, limit) => page(this.readable().reader, after, head, limit),
      options,
    );
  }

  private readable(): this {
    if (this.closed) throw new EventStoreClosed();
    return this;
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

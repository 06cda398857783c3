import { Pool } from 'pg';
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
import { EventStoreClosed, EventStoreUnavailable } from '../errors';
import { CommitSignal } from '../common/commit-signal';
import { GroupCommitQueue } from '../common/group-commit-queue';
import { subscribeToLog, type SubscriptionSource } from '../common/log-subscription';
import { readLogPages, readStreamPages, type StreamPages } from '../common/paged-reads';
import { validateAppend, type ValidAppend } from '../validation';
import { backoffMs, isConnectionLoss, retryingConnectionLoss } from './postgres-errors';
import { importEvents } from './postgres-import';
import { PostgresListener } from './postgres-listener';
import { APPENDED_CHANNEL, EVENT_STORE_SCHEMA, migratePostgres } from './postgres-migrations';
import { PostgresReader } from './postgres-reader';
import { PostgresWriter } from './postgres-writer';
import type { ChainedEventLog, LogRow } from '../common/log-chain';

export interface PostgresEventStoreOptions {
  /** EVENT_STORE_DATABASE_URL, e.g. postgres://cases:secret@postgres:5432/cases */
  connectionString: string;
  /** most connections of this process's pool (appends use one at a time); default 10 */
  poolSize?: number;
  /** Stamps `recordedAt`; defaults to the system clock. */
  now?: () => Date;
  /** tries of an operation on a lost connection before EventStoreUnavailable; default 6 (~3 s) */
  attempts?: number;
  /** told of lost connections (the pool's, the LISTEN connection's, a subscription's reads) */
  onConnectionError?: (error: unknown) => void;
}

/** Live subscriptions wait this long between reads while PostgreSQL cannot be reached. */
const SUBSCRIPTION_RETRY_MAX_MS = 5000;

/**
 * The EventStore on PostgreSQL: the events in one table, every process appending through
 * `es_append` (group commit: what a process queues while its previous batch commits is its next
 * batch; one appender at a time across processes, so positions are gap-free and follow commit
 * order). Positions are decimal integers from 1, as SQLite's. Subscriptions wake on this
 * process's commits and on other processes' through LISTEN es_appended.
 */
export class PostgresEventStore implements EventStore, ChainedEventLog {
  private readonly pool: Pool;
  private readonly reader: PostgresReader;
  private readonly queue: GroupCommitQueue<ValidAppend, AppendResult>;
  private readonly committed = new CommitSignal();
  private readonly subscriptions = new Set<AllSubscription>();
  /** the schema migration, done or under way; cleared when it failed on a lost connection */
  private migrated: Promise<unknown> | undefined;
  private readonly attempts: number;
  private listener: PostgresListener | undefined;
  private closing: Promise<void> | undefined;
  private closed = false;
  private counts = { commits: 0, appends: 0 };

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.attempts = options.attempts ?? 6;
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: 'cases-event-store',
      keepAlive: true,
      // whatever the database's defaults: an acknowledged append survives a crash of the server
      // too, and es_append reads max(position) in a snapshot taken after it got the append lock
      options: '-c synchronous_commit=on -c default_transaction_isolation=read\\ committed',
    });
    // an idle connection that drops is replaced at the next checkout; unheard, 'error' would end the process
    this.pool.on('error', (error) => options.onConnectionError?.(error));
    this.reader = new PostgresReader(this.pool);
    const writer = new PostgresWriter(this.pool, this.attempts);
    const now = options.now ?? (() => new Date());
    this.queue = new GroupCommitQueue(async (batch) => {
      await this.ready();
      const outcomes = await writer.commit(batch, now());
      this.counts.commits += 1;
      this.counts.appends += batch.length;
      this.committed.notify();
      return outcomes;
    });
  }

  /** Opens the store and waits for its schema (a failure closes it and throws). */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.ready();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** Group-commit counters since open: transactions committed and appends they carried. */
  get stats(): { commits: number; appends: number } {
    return { ...this.counts };
  }

  async appendToStream(
    streamId: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (this.closing) throw new EventStoreClosed();
    return this.queue.enqueue(validateAppend(streamId, events, options.expectedRevision));
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return readStreamPages(
      () => {
        if (this.closed) throw new EventStoreClosed();
        return this.pages;
      },
      streamId,
      options,
    );
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.logPages(options, (...range) => this.reader.allPage(...range));
  }

  readAllWithoutMetadata(options?: ReadAllOptions): AsyncIterable<EventWithoutMetadata> {
    return this.logPages(options, (...range) => this.reader.allDataPage(...range));
  }

  readLogRows(options?: { fromPosition?: FromPosition; maxCount?: number }): AsyncIterable<LogRow> {
    return this.logPages(options, (...range) => this.reader.logRowsPage(...range));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    if (this.closing) throw new EventStoreClosed();
    const source: SubscriptionSource = {
      head: () => this.open().then(() => this.reader.headPosition()),
      page: (after, upTo, limit, p) =>
        this.open().then(() => this.reader.allPage(after, upTo, limit, p)),
      nextCommit: () => this.committed.next(),
      retryAfter: (error, attempt) => {
        if (this.closing || !isConnectionLoss(error)) return null;
        this.options.onConnectionError?.(error);
        return backoffMs(attempt + 1, SUBSCRIPTION_RETRY_MAX_MS);
      },
    };
    return subscribeToLog(source, options, this.subscriptions, () => this.updateListener());
  }

  /**
   * Writes the events of another store (events:copy) with their positions and recording times,
   * right after this store's head. Not for the application: appends go through `appendToStream`.
   */
  async importEvents(events: readonly StoredEvent[]): Promise<void> {
    await this.open();
    await importEvents(this.pool, events);
  }

  async headPosition(): Promise<Position | null> {
    const head = await this.read(() => this.reader.headPosition());
    return head === 0n ? null : String(head);
  }

  /** Flushes appends already accepted, ends subscriptions, then closes the pool. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue.drain();
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      await this.listener?.stop();
      this.listener = undefined;
      this.closed = true;
      await this.pool.end();
    })();
    return this.closing;
  }

  /**
   * The schema, brought up to date once. While PostgreSQL cannot be reached every use tries
   * again (EventStoreUnavailable until it can); a schema newer than this code fails every use.
   */
  private ready(): Promise<unknown> {
    this.migrated ??= retryingConnectionLoss(
      'open',
      () => migratePostgres(this.pool, EVENT_STORE_SCHEMA),
      this.attempts,
    ).catch((error: unknown) => {
      if (error instanceof EventStoreUnavailable) this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  /** Open (schema ready), or EventStoreClosed. */
  private async open(): Promise<void> {
    if (this.closed) throw new EventStoreClosed();
    await this.ready();
  }

  /** A read on the pool, again on a lost connection (see PostgresEventStoreOptions.attempts). */
  private read<T>(query: () => Promise<T>): Promise<T> {
    return this.open().then(() => retryingConnectionLoss('read', query, this.attempts));
  }

  /** The global log, one `page` at a time (see readLogPages), each tried again on a lost connection. */
  private logPages<T extends { position: Position }>(
    options: ReadAllOptions | undefined,
    page: (after: bigint, head: bigint, limit: number) => Promise<T[]>,
  ): AsyncIterable<T> {
    if (this.closed) throw new EventStoreClosed();
    return readLogPages(
      () => this.read(() => this.reader.headPosition()),
      (after, head, limit) => this.read(() => page(after, head, limit)),
      options,
    );
  }

  /** The stream reads of readStreamPages, each tried again on a lost connection. */
  private readonly pages: StreamPages = {
    streamRevision: (streamId) => this.read(() => this.reader.streamRevision(streamId)),
    streamPage: (streamId, from, forwards, limit) =>
      this.read(() => this.reader.streamPage(streamId, from, forwards, limit)),
  };

  /**
   * One LISTEN connection while anything is subscribed: another process's commit NOTIFYs the new
   * head, and (re)connecting wakes every subscription too, for what it may have missed meanwhile.
   */
  private updateListener(): void {
    const wanted = this.subscriptions.size > 0 && !this.closing;
    if (wanted && !this.listener) {
      this.listener = new PostgresListener({
        connectionString: this.options.connectionString,
        channel: APPENDED_CHANNEL,
        applicationName: 'cases-event-store-listener',
        onNotification: () => this.committed.notify(),
        onListening: () => this.committed.notify(),
        onError: (error) => this.options.onConnectionError?.(error),
      });
    } else if (!wanted && this.listener) {
      void this.listener.stop();
      this.listener = undefined;
    }
  }
}

import type { ChildCategory } from '@app/domain';
import type { Position } from '@app/event-store';
import type {
  CaseListQuery,
  CaseloadCounts,
  CaseloadQuery,
  CaseRow,
  CaseSnapshot,
  Checkpoint,
  CheckpointWatch,
  CheckpointWatchOptions,
  IdMatch,
  IssuedLineRow,
  IssuedRollRow,
  KnownAt,
  PayingCasesQuery,
  ProjectorLock,
  ReadModelStore,
  ReadModelTransaction,
  RecordedFailure,
  RegionPrefixes,
  SignalListQuery,
  SignalRow,
  StandardRow,
} from '../read-model-store.port';
import type { ReadModelReader } from './read-model-reader';

/**
 * The read-model store over SQL, whatever the engine: every query goes to the one query layer
 * (ReadModelReader, with the engine's ReadModelDialect), through the engine's `read` (SQLite: an
 * in-memory database queues its reads behind the writes; PostgreSQL: waits for the schema). The
 * engines add only what is theirs: how a write transaction runs, bulk settings, purging deleted
 * rows, following another process's checkpoints, the projector lock, closing.
 *
 * It also keeps the store's checkpoint watches and projector locks, and runs the write
 * transactions one at a time (`oneAtATime`), so `close` can stop them in order.
 */
export abstract class SqlReadModelStore implements ReadModelStore {
  /** the queries, on the engine's reading connection (set by the engine's constructor) */
  protected abstract readonly reads: ReadModelReader;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly watches = new Set<CheckpointWatch>();
  /** the projector locks of this store: closing the store closes them */
  private readonly locks = new Set<ProjectorLock>();

  abstract transaction<T>(work: (tx: ReadModelTransaction) => Promise<T>): Promise<T>;
  abstract reset(): Promise<void>;
  abstract bulkWrites<T>(work: () => Promise<T>): Promise<T>;
  abstract purgeDeleted(): Promise<void>;
  abstract watchCheckpoints(
    onAdvance: (position: Position) => void,
    options?: CheckpointWatchOptions,
  ): CheckpointWatch;
  abstract projectorLock(name: string): ProjectorLock;
  abstract recordFailure(failure: RecordedFailure | null): Promise<void>;
  abstract close(): Promise<void>;

  /** How a read runs on this engine. */
  protected abstract read<T>(run: () => Promise<T>): Promise<T>;

  checkpoints(): Promise<Checkpoint[]> {
    return this.read(() => this.reads.checkpoints());
  }

  findCase(caseId: string): Promise<CaseRow | null> {
    return this.read(() => this.reads.findCase(caseId));
  }

  findCaseState(caseId: string): Promise<CaseSnapshot | null> {
    return this.read(() => this.reads.findCaseState(caseId));
  }

  caseStates(caseIds: readonly string[]): Promise<CaseSnapshot[]> {
    return this.read(() => this.reads.caseStates(caseIds));
  }

  findCases(query: CaseListQuery): Promise<{ rows: CaseRow[]; totalCount: number }> {
    return this.read(() => this.reads.findCases(query));
  }

  payingCases(query: PayingCasesQuery): Promise<CaseSnapshot[]> {
    return this.read(() => this.reads.payingCases(query));
  }

  issuedRolls(query?: KnownAt): Promise<IssuedRollRow[]> {
    return this.read(() => this.reads.issuedRolls(query));
  }

  issuedLines(
    query: { month: string; regions: RegionPrefixes } & KnownAt,
  ): Promise<IssuedLineRow[]> {
    return this.read(() => this.reads.issuedLines(query));
  }

  paidLines(caseIds: readonly string[], query?: KnownAt): Promise<IssuedLineRow[]> {
    return this.read(() => this.reads.paidLines(caseIds, query));
  }

  standards(): Promise<StandardRow[]> {
    return this.read(() => this.reads.standards());
  }

  caseload(query: CaseloadQuery): Promise<CaseloadCounts> {
    return this.read(() => this.reads.caseload(query));
  }

  matchIdHashes(idHashes: readonly string[], on: string): Promise<IdMatch[]> {
    return this.read(() => this.reads.monitoring.matchIdHashes(idHashes, on));
  }

  casesHolding(
    category: ChildCategory,
    regions: RegionPrefixes,
    on: string,
  ): Promise<{ caseId: string; idHash: string | null }[]> {
    return this.read(() => this.reads.monitoring.casesHolding(category, regions, on));
  }

  monitoringSignals(query: SignalListQuery): Promise<{ rows: SignalRow[]; totalCount: number }> {
    return this.read(() => this.reads.monitoring.monitoringSignals(query));
  }

  findSignal(signalId: string): Promise<SignalRow | null> {
    return this.read(() => this.reads.monitoring.findSignal(signalId));
  }

  dump(): Promise<Record<string, unknown[]>> {
    return this.read(() => this.reads.dump());
  }

  recordedFailure(): Promise<RecordedFailure | null> {
    return this.read(() => this.reads.recordedFailure());
  }

  /** A watch `close` stops: stopping it by hand forgets it. */
  protected tracked(watch: CheckpointWatch): CheckpointWatch {
    const tracked: CheckpointWatch = {
      stop: async () => {
        this.watches.delete(tracked);
        await watch.stop();
      },
    };
    this.watches.add(tracked);
    return tracked;
  }

  /** A lock `close` closes. */
  protected kept<L extends ProjectorLock>(lock: L): L {
    this.locks.add(lock);
    return lock;
  }

  /** Runs after every earlier `oneAtATime` work has ended, failed or not. */
  protected oneAtATime<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The first steps of `close`: the watches stopped, the queued work done, the locks closed. */
  protected async stopUsers(): Promise<void> {
    await Promise.all([...this.watches].map((w) => w.stop()));
    await this.queue;
    await Promise.all([...this.locks].map((lock) => lock.close()));
  }
}

import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { ChildCategory } from '@app/domain';
import type { Position } from '@app/event-store';
import type {
  CaseListQuery,
  CaseloadCounts,
  CaseloadQuery,
  IdMatch,
  SignalListQuery,
  SignalRow,
  CaseRow,
  CaseSnapshot,
  Checkpoint,
  CheckpointWatch,
  CheckpointWatchOptions,
  IssuedLineRow,
  IssuedRollRow,
  KnownAt,
  PayingCasesQuery,
  ReadModelStore,
  ProjectorLock,
  RecordedFailure,
  ReadModelTransaction,
  RegionPrefixes,
  StandardRow,
} from '../read-model-store.port';
import { projectionsCheckpoint } from '../projector/checkpoints';
import { ReadModelReader } from '../sql/read-model-reader';
import { READ_MODEL_TABLES, type ReadModelTables } from '../sql/read-model-tables';
import { ReadModelWriter } from '../sql/read-model-writer';
import { PostgresCheckpointListener } from './postgres-checkpoint-listener';
import { postgresDialect } from './postgres-dialect';
import { PostgresProjectorLock } from './postgres-projector-lock';
import { migratePostgresReadModels } from './postgres-read-model-migrations';

export interface PostgresReadModelStoreOptions {
  /** DATABASE_URL, e.g. postgres://cases:secret@postgres:5432/cases */
  connectionString: string;
  /** most connections the queries and the projector hold together; default 10 */
  poolSize?: number;
}

/**
 * The production read-model store: PostgreSQL through a connection pool, the same queries as
 * SQLite's (the shared Kysely layer). The schema is migrated when the store opens; every method
 * waits for that, so a failed migration fails the first use (and with it the start-up).
 */
export class PostgresReadModelStore implements ReadModelStore {
  private readonly db: Kysely<ReadModelTables>;
  private readonly reads: ReadModelReader;
  private readonly ready: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly watches = new Set<CheckpointWatch>();
  /** the projector locks of this store: closing the store closes them */
  private readonly locks = new Set<ProjectorLock>();

  constructor(private readonly options: PostgresReadModelStoreOptions) {
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: 'cases-read-models',
    });
    // an idle connection that drops is replaced on the next checkout; without a listener the
    // pool's 'error' event would end the process
    pool.on('error', () => undefined);
    this.db = new Kysely<ReadModelTables>({ dialect: new PostgresDialect({ pool }) });
    this.reads = new ReadModelReader(this.db, postgresDialect);
    this.ready = migratePostgresReadModels(this.db as Kysely<unknown>).then(() => undefined);
    this.ready.catch(() => undefined); // reported by every use
  }

  /** Opens the store and waits for its schema. */
  static async open(options: PostgresReadModelStoreOptions): Promise<PostgresReadModelStore> {
    const store = new PostgresReadModelStore(options);
    try {
      await store.ready;
    } catch (error) {
      await store.db.destroy();
      throw error;
    }
    return store;
  }

  transaction<T>(work: (tx: ReadModelTransaction) => Promise<T>): Promise<T> {
    return this.exclusive((writer) => work(writer));
  }

  async reset(): Promise<void> {
    await this.exclusive((writer) => writer.reset(READ_MODEL_TABLES.map((t) => t.table)));
  }

  /** Dead row versions of the case tables removed (VACUUM cannot run inside a transaction). */
  async purgeDeleted(): Promise<void> {
    await this.ready;
    await sql.raw('VACUUM rm_case, rm_case_state').execute(this.db);
  }

  /** PostgreSQL needs no setting for a rebuild's transactions. */
  bulkWrites<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

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

  watchCheckpoints(
    onAdvance: (position: Position) => void,
    options: CheckpointWatchOptions = {},
  ): CheckpointWatch {
    const listener = new PostgresCheckpointListener(
      this.options.connectionString,
      async () => projectionsCheckpoint(await this.checkpoints()),
      onAdvance,
      options,
    );
    const tracked: CheckpointWatch = {
      stop: async () => {
        this.watches.delete(tracked);
        await listener.stop();
      },
    };
    this.watches.add(tracked);
    return tracked;
  }

  projectorLock(name: string): ProjectorLock {
    const lock = new PostgresProjectorLock(this.options.connectionString, name, {
      ready: this.ready,
      query: (text) => this.read(async () => (await sql.raw(text).execute(this.db)).rows as never),
    });
    this.locks.add(lock);
    return lock;
  }

  async recordFailure(failure: RecordedFailure | null): Promise<void> {
    await this.read(() =>
      this.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('rm_projector_failure').execute();
        if (failure)
          await tx
            .insertInto('rm_projector_failure')
            .values({ id: 1, failure: JSON.stringify(failure) })
            .execute();
      }),
    );
  }

  recordedFailure(): Promise<RecordedFailure | null> {
    return this.read(() => this.reads.recordedFailure());
  }

  async close(): Promise<void> {
    await Promise.all([...this.watches].map((w) => w.stop()));
    await this.queue;
    await Promise.all([...this.locks].map((lock) => lock.close()));
    await this.ready.catch(() => undefined);
    await this.db.destroy();
  }

  /** Write transactions run one at a time (the projector's batches, a reset). */
  private exclusive<T>(work: (writer: ReadModelWriter) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.ready;
      return this.db.transaction().execute((tx) => work(new ReadModelWriter(tx, postgresDialect)));
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read<T>(run: () => Promise<T>): Promise<T> {
    await this.ready;
    return run();
  }
}

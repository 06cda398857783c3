import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { Position } from '@app/event-store';
import type {
  CheckpointWatch,
  CheckpointWatchOptions,
  ProjectorLock,
  RecordedFailure,
  ReadModelTransaction,
} from '../read-model-store.port';
import { projectionsCheckpoint } from '../projector/checkpoints';
import { ReadModelReader } from '../sql/read-model-reader';
import { READ_MODEL_TABLES, type ReadModelTables } from '../sql/read-model-tables';
import { ReadModelWriter } from '../sql/read-model-writer';
import { SqlReadModelStore } from '../sql/sql-read-model-store';
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
export class PostgresReadModelStore extends SqlReadModelStore {
  private readonly db: Kysely<ReadModelTables>;
  protected readonly reads: ReadModelReader;
  private readonly ready: Promise<void>;

  constructor(private readonly options: PostgresReadModelStoreOptions) {
    super();
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
    return this.tracked(listener);
  }

  projectorLock(name: string): ProjectorLock {
    return this.kept(
      new PostgresProjectorLock(this.options.connectionString, name, {
        ready: this.ready,
        query: (text) =>
          this.read(async () => (await sql.raw(text).execute(this.db)).rows as never),
      }),
    );
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

  async close(): Promise<void> {
    await this.stopUsers();
    await this.ready.catch(() => undefined);
    await this.db.destroy();
  }

  /** Write transactions run one at a time (the projector's batches, a reset). */
  private exclusive<T>(work: (writer: ReadModelWriter) => Promise<T>): Promise<T> {
    return this.oneAtATime(async () => {
      await this.ready;
      return this.db.transaction().execute((tx) => work(new ReadModelWriter(tx, postgresDialect)));
    });
  }

  protected async read<T>(run: () => Promise<T>): Promise<T> {
    await this.ready;
    return run();
  }
}

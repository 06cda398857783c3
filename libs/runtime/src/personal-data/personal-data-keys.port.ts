/** One generation of a stream's data key, wrapped under the master key; null once destroyed. */
export interface DataKeyRow {
  streamId: string;
  generation: number;
  wrapped: Buffer | null;
}

/**
 * Where the per-case data keys live, apart from the events: their own SQLite file beside the
 * embedded store, their own schema in PostgreSQL. Each stream has generations 1, 2, ...; only the
 * newest may be live (a stream whose keys were destroyed gets a new generation for what is written
 * after the erasure). One contract suite runs against every adapter.
 */
export interface PersonalDataKeyStore {
  /** the newest generation of the stream's key, when it is live */
  current(streamId: string): Promise<DataKeyRow | null>;
  /** the wrapped key of one generation; null when destroyed or never made */
  get(streamId: string, generation: number): Promise<Buffer | null>;
  /**
   * Stores `wrapped` as the next generation unless a live one exists (another process made it
   * first): answers the live generation either way.
   */
  create(
    streamId: string,
    wrap: (generation: number) => Buffer,
  ): Promise<DataKeyRow & { wrapped: Buffer }>;
  /** destroys every generation of the stream's key; how many were live */
  destroy(streamId: string): Promise<number>;
  /**
   * Makes destroyed keys unrecoverable from the files or tables (SQLite: secure deletion and a
   * WAL checkpoint that truncates the log; PostgreSQL: VACUUM of the key table).
   */
  purge(): Promise<void>;
  /** every row, for events:copy */
  all(): Promise<DataKeyRow[]>;
  /** rows copied from another store; rows already held are left as they are */
  importRows(rows: readonly DataKeyRow[]): Promise<void>;
  close(): Promise<void>;
}

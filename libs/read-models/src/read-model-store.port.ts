import type {
  BenefitCase,
  BenefitStandard,
  CaseStatus,
  ChildCategory,
  ExistingCase,
  Guardian,
  Programme,
  RiskLevel,
} from '@app/domain';
import type { Position } from '@app/event-store';

/** One case of the case summary (`case`, `cases`, `caseload`). Holds personal information. */
export type CaseRow = {
  caseId: string;
  regionCode: string;
  status: CaseStatus;
  /** protection running: not closed, not aged out */
  open: boolean;
  riskLevel: RiskLevel | null;
  caseworkerId: string | null;
  birthDate: string;
  eighteenthBirthday: string;
  nextVisitDue: string | null;
  categories: ChildCategory[];
  childName: string;
  idNumber: string;
  guardian: Guardian | null;
  /** the stream's revision after its last event */
  revision: number;
  /** global position of the case's last event */
  position: Position;
};

/** One enrolment; `to` is its last day (inclusive), null while running. */
export type ProgrammeRow = {
  caseId: string;
  /** order of enrolment in the case, from 0 */
  seq: number;
  programme: Programme;
  from: string;
  to: string | null;
  fastTrack: boolean;
  amountFen: number | null;
  coverageSharePercent: number | null;
  oneOff: boolean;
  endReason: string | null;
};

/** A stretch of protection; `to` exclusive, null while open. */
export type ProtectionPeriodRow = { caseId: string; seq: number; from: string; to: string | null };

export type GraduationGrantRow = {
  caseId: string;
  seq: number;
  graduatedOn: string;
  month: string;
  amountFen: number;
};

/** A benefit standard; (streamId, revision) orders standards set for the same prefix and date. */
export type StandardRow = BenefitStandard & { streamId: string; revision: number };

/** The projector's working copy of a case: the domain's folded state. */
export type CaseSnapshot = { state: ExistingCase; revision: number; position: Position };

/** Every row kept for one case; a change to the case replaces them all. */
export type CaseRecord = {
  snapshot: CaseSnapshot;
  summary: CaseRow;
  programmes: ProgrammeRow[];
  periods: ProtectionPeriodRow[];
  grants: GraduationGrantRow[];
};

/** What a batch of events changes, as rows. */
export type RowChanges = { cases: CaseRecord[]; standards: StandardRow[] };

export type Checkpoint = { projection: string; position: Position | null; events: number };

/** Region prefixes OR-ed together; null is everywhere. */
export type RegionPrefixes = readonly string[] | null;

export type CaseSortKey = { regionCode: string; caseId: string };

export type CaseListQuery = {
  regions: RegionPrefixes;
  status?: CaseStatus;
  riskLevel?: RiskLevel;
  category?: ChildCategory;
  caseworkerId?: string;
  /** rows after this key in (regionCode, caseId) order */
  after?: CaseSortKey;
  limit: number;
};

export type CaseloadQuery = {
  regions: RegionPrefixes;
  caseworkerId?: string;
  /** visits due before this date are overdue */
  overdueBefore: string;
  /** 18th birthdays within [from, to] */
  turning18From: string;
  turning18To: string;
};

export type CaseloadCounts = {
  open: number;
  byRisk: Partial<Record<RiskLevel, number>>;
  unassessed: number;
  byCategory: Partial<Record<ChildCategory, number>>;
  overdueVisits: number;
  turning18: number;
};

/** Writes of one projector transaction; the checkpoint commits with the rows it covers. */
export interface ReadModelTransaction {
  /**
   * Takes the store's write lock for the rest of the transaction (PostgreSQL: an advisory lock;
   * SQLite: the transaction is IMMEDIATE already) and reads the position every projection has
   * reached. Called first, it fences a writer that fell behind another (a projector that lost its
   * lease, a rebuild beside it): the stored checkpoint is no longer the one it started from.
   */
  lockedCheckpoint(): Promise<Position | null>;
  caseSnapshots(caseIds: readonly string[]): Promise<Map<string, CaseSnapshot>>;
  putCases(records: readonly CaseRecord[]): Promise<void>;
  putStandards(rows: readonly StandardRow[]): Promise<void>;
  setCheckpoints(projections: readonly string[], position: Position, events: number): Promise<void>;
}

/** A running `watchCheckpoints`. */
export interface CheckpointWatch {
  stop(): Promise<void>;
}

export interface CheckpointWatchOptions {
  /** a lost connection or a failed read; the watch carries on (reconnecting where it can) */
  onError?: (error: unknown) => void;
}

/** A process's claim to be the only one projecting into a store (see `projectorLock`). */
export interface ProjectorLease {
  /** settles when the claim is lost (its connection to the store dropped): stop writing at once */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/**
 * Who holds the projector lock: the name it gave itself (`api 4312@host-a`) and since when (ISO
 * time, when known); then, as the lock recorded them beside it, its process id, host and what it
 * runs (the npm script, `start` or `projections:rebuild`, else the program). Those three are null
 * while the holder has not recorded them yet.
 */
export type ProjectorHolder = {
  name: string;
  since: string | null;
  pid: number | null;
  host: string | null;
  process: string | null;
};

/**
 * One process at a time projects into a store: apps/projector instances and api instances with
 * PROJECTIONS=internal take this lock, and the tools that write the read models (a rebuild) too.
 */
export interface ProjectorLock {
  /** The lease when the lock was free; null when another process holds it. */
  tryAcquire(): Promise<ProjectorLease | null>;
  /** Who holds it now; null when nobody does. */
  holder(): Promise<ProjectorHolder | null>;
  /** Lets go of everything: the lease if one is held, and what the attempts keep open. */
  close(): Promise<void>;
}

/** Why the projections stopped, as the projecting process recorded it for the others to show. */
export type RecordedFailure = {
  projection: string;
  position: Position;
  type: string;
  error: string;
  /** the projector that stopped */
  by: string;
  at: string;
};

export interface CaseWithProgrammes {
  row: CaseRow;
  programmes: ProgrammeRow[];
}

/**
 * The read-model store port. Adapters: SQLite (embedded default) and PostgreSQL, sharing one
 * query layer. Every method is a plain, portable query; the rules (standards in force, payment
 * lines) stay in TypeScript.
 */
export interface ReadModelStore {
  /** Runs `work` in one transaction; transactions never interleave. */
  transaction<T>(work: (tx: ReadModelTransaction) => Promise<T>): Promise<T>;
  checkpoints(): Promise<Checkpoint[]>;
  /** Deletes every row and checkpoint (before a rebuild). */
  reset(): Promise<void>;
  /**
   * Runs `work` (a rebuild: a few large transactions) with the store set for bulk writes, then
   * sets it back, whether `work` succeeded or not. SQLite: a bigger page cache and fewer WAL
   * checkpoints while it runs, one at the end. PostgreSQL: as it is.
   */
  bulkWrites<T>(work: () => Promise<T>): Promise<T>;

  findCase(caseId: string): Promise<CaseRow | null>;
  /** The case and its programmes (in enrolment order) in one read: what `case(id)` shows. */
  findCaseWithProgrammes(caseId: string): Promise<CaseWithProgrammes | null>;
  findCases(query: CaseListQuery): Promise<{ rows: CaseRow[]; totalCount: number }>;
  /** Programmes of the cases, by case then enrolment order. */
  programmesOf(caseIds: readonly string[]): Promise<ProgrammeRow[]>;
  benefitCases(caseIds: readonly string[]): Promise<BenefitCase[]>;
  /** Cases of the regions with a programme in force during the month or a grant in it. */
  benefitCasesForMonth(regions: RegionPrefixes, month: string): Promise<BenefitCase[]>;
  /** Every standard, ordered by stream then revision. */
  standards(): Promise<StandardRow[]>;
  caseload(query: CaseloadQuery): Promise<CaseloadCounts>;
  /** Every row of every table in primary-key order (rebuild checks compare these). */
  dump(): Promise<Record<string, unknown[]>>;
  /**
   * Follows the checkpoints as any process commits them (a projector running elsewhere): calls
   * `onAdvance` with the position every projection has reached, once with the stored one, then
   * each time it changes. Outside the request path: a LISTEN connection or a short timer.
   */
  watchCheckpoints(
    onAdvance: (position: Position) => void,
    options?: CheckpointWatchOptions,
  ): CheckpointWatch;
  /**
   * The lock a process takes to project into this store (`transaction`, `reset`): one process at a
   * time, across processes and hosts; an attempt answers at once. SQLite: a lock file beside the
   * database, which the system lets go when the process ends; PostgreSQL: a session advisory lock.
   * `name` is what `holder()` shows. Closing the store closes its locks (and lets go of a lease).
   */
  projectorLock(name: string): ProjectorLock;
  /** Records why the projections stopped (null: they run again), for processes that follow them. */
  recordFailure(failure: RecordedFailure | null): Promise<void>;
  recordedFailure(): Promise<RecordedFailure | null>;
  close(): Promise<void>;
}

/** DI token for the configured adapter. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');

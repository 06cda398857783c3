import type {
  RosterKind,
  SignalKind,
  SignalStatus,
  BenefitStandard,
  CaseStatus,
  ChildCategory,
  ExistingCase,
  Guardian,
  IssuedRoll,
  PaidLine,
  RiskLevel,
} from '@app/domain';
import type { Position } from '@app/event-store';

/**
 * One case of the case summary (`cases` pages, `caseload` counts). Holds personal information.
 * What changes with the date (status, categories, region) is in the period rows beside it.
 */
export type CaseRow = {
  caseId: string;
  /** the village now */
  regionCode: string;
  riskLevel: RiskLevel | null;
  caseworkerId: string | null;
  birthDate: string;
  eighteenthBirthday: string;
  nextVisitDue: string | null;
  /** when the child was identified, as a UTC instant (sorts as text) */
  identifiedAt: string;
  /** the categories of the latest determination */
  categories: ChildCategory[];
  /** null once erased */
  childName: string | null;
  idNumber: string | null;
  guardian: Guardian | null;
  /** the stream's revision after its last event */
  revision: number;
  /** global position of the case's last event */
  position: Position;
};

/** The case's status from one date (inclusive) to the next (exclusive; null: on and on). */
export type StatusPeriodRow = {
  caseId: string;
  seq: number;
  from: string;
  to: string | null;
  status: CaseStatus;
  /** protection running: identified, not closed, not aged out */
  open: boolean;
};

/** The categories held in a period. */
export type CategoryPeriodRow = {
  caseId: string;
  seq: number;
  from: string;
  to: string | null;
  categories: ChildCategory[];
};

/** The village of a period; `pays`: the case may be owed money at all (a roll reads no other). */
export type RegionPeriodRow = {
  caseId: string;
  seq: number;
  from: string;
  to: string | null;
  regionCode: string;
  pays: boolean;
};

/** A benefit standard; (streamId, revision) orders standards set for the same prefix and date. */
export type StandardRow = BenefitStandard & { streamId: string; revision: number };

/** The projector's working copy of a case: the domain's folded state. */
export type CaseSnapshot = { state: ExistingCase; revision: number; position: Position };

/** A monitoring signal of a case (`monitoringSignals`, `caseload.openSignals`). */
export type SignalRow = {
  signalId: string;
  caseId: string;
  /** the case's village now */
  regionCode: string;
  kind: SignalKind;
  rosterKind: RosterKind;
  category: ChildCategory | null;
  asOf: string;
  status: SignalStatus;
  raisedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
};

/** Every row kept for one case; a change to the case replaces them all. */
export type CaseRecord = {
  snapshot: CaseSnapshot;
  summary: CaseRow;
  statuses: StatusPeriodRow[];
  categories: CategoryPeriodRow[];
  regions: RegionPeriodRow[];
  signals: SignalRow[];
};

/**
 * Which case holds the reservation of a keyed hash of an ID number (from the reservation
 * streams): how a roster's rows find their cases without the number being a key anywhere.
 */
export type IdKeyChange = { idHash: string; caseId: string; held: boolean };

/** A case found for a keyed hash, with what matching reads of it. */
export type IdMatch = {
  idHash: string;
  caseId: string;
  regionCode: string;
  categories: ChildCategory[];
  /** protection running on the day asked */
  open: boolean;
};

export type SignalListQuery = {
  regions: RegionPrefixes;
  status?: SignalStatus;
  /** signals after this id (ids sort in the order they were raised) */
  after?: string;
  limit: number;
};

/** An issued roll (`issuedAt` an ISO-8601 UTC instant, as every stored time here). */
export type IssuedRollRow = IssuedRoll & { totalFen: number; lineCount: number };

/** A frozen line: the roll's month and prefix, its order in the roll, the time of issue. */
export type IssuedLineRow = PaidLine & { rollRegionCode: string; seq: number; issuedAt: string };

export type IssuedRollRecord = { roll: IssuedRollRow; lines: IssuedLineRow[] };

/** What a batch of events changes, as rows. */
export type RowChanges = {
  cases: CaseRecord[];
  standards: StandardRow[];
  rolls: IssuedRollRecord[];
  idKeys: IdKeyChange[];
};

export type Checkpoint = { projection: string; position: Position | null; events: number };

/** Region prefixes OR-ed together; null is everywhere. */
export type RegionPrefixes = readonly string[] | null;

/** How a case list may be ordered besides its default (region, then case). */
export const CASE_ORDERS = ['NEXT_VISIT_DUE', 'IDENTIFIED_AT', 'BIRTH_DATE'] as const;
export type CaseOrder = (typeof CASE_ORDERS)[number];

/** Where a row stands in its list: the value it is sorted by (see `caseSortValue`), then its id. */
export type CaseSortKey = { value: string; caseId: string };

/** Sorts after every date: cases with no next visit due (not assessed) come last. */
export const NO_VISIT_DUE = '9999-12-31';

/** The value a row is sorted by in `order` (null: the default, region then case). */
export function caseSortValue(row: CaseRow, order: CaseOrder | null): string {
  switch (order) {
    case null:
      return row.regionCode;
    case 'NEXT_VISIT_DUE':
      return row.nextVisitDue ?? NO_VISIT_DUE;
    case 'IDENTIFIED_AT':
      return row.identifiedAt;
    case 'BIRTH_DATE':
      return row.birthDate;
  }
}

export type CaseListQuery = {
  regions: RegionPrefixes;
  /** the day the status and category filters are taken on (today) */
  on: string;
  status?: CaseStatus;
  riskLevel?: RiskLevel;
  category?: ChildCategory;
  caseworkerId?: string;
  /** open on this day with the next visit due before it (the caseload's `overdueVisits`) */
  overdueAsOf?: string;
  /** open on `turning18From` with the 18th birthday from `turning18From` to this day (inclusive) */
  turning18By?: string;
  /** the first day of the `turning18By` window (default `on`) */
  turning18From?: string;
  /** default: region, then case */
  orderBy?: CaseOrder | null;
  /** rows after this key in the list's order */
  after?: CaseSortKey;
  limit: number;
};

export type CaseloadQuery = {
  regions: RegionPrefixes;
  caseworkerId?: string;
  /** cases open on this day, with the categories held that day */
  asOf: string;
  /** visits due before this date are overdue */
  overdueBefore: string;
  /** 18th birthdays within [from, to] */
  turning18From: string;
  turning18To: string;
};

export type CaseloadCounts = {
  /** monitoring signals still open on the cases counted */
  openSignals: number;
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
  putRolls(records: readonly IssuedRollRecord[]): Promise<void>;
  putIdKeys(changes: readonly IdKeyChange[]): Promise<void>;
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

/** Issued rolls and lines as the system knew them at `knownAt` (ISO-8601; default: now). */
export type KnownAt = { knownAt?: string };

/** Cases whose village in [from, to] is under one of the prefixes, and that may be owed money. */
export type PayingCasesQuery = { regions: RegionPrefixes; from: string; to: string };

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
  /** The folded case (with its dated history): what `case(id)` and `benefits` ask the timeline. */
  findCaseState(caseId: string): Promise<CaseSnapshot | null>;
  /** The folded cases of many ids in one read, in case id order (unknown ids left out). */
  caseStates(caseIds: readonly string[]): Promise<CaseSnapshot[]>;
  findCases(query: CaseListQuery): Promise<{ rows: CaseRow[]; totalCount: number }>;
  /** The folded cases a roll or a forecast must ask, in case id order. */
  payingCases(query: PayingCasesQuery): Promise<CaseSnapshot[]>;
  /** Every issued roll, by month then prefix. */
  issuedRolls(query?: KnownAt): Promise<IssuedRollRow[]>;
  /** The frozen lines of the rolls of `month` for cases under the prefixes, by case. */
  issuedLines(
    query: { month: string; regions: RegionPrefixes } & KnownAt,
  ): Promise<IssuedLineRow[]>;
  /** Every frozen line of the cases, whichever roll paid it. */
  paidLines(caseIds: readonly string[], query?: KnownAt): Promise<IssuedLineRow[]>;
  /** Every standard, ordered by stream then revision. */
  standards(): Promise<StandardRow[]>;
  caseload(query: CaseloadQuery): Promise<CaseloadCounts>;
  /** The cases holding the reservations of these keyed hashes, with their status on `on`. */
  matchIdHashes(idHashes: readonly string[], on: string): Promise<IdMatch[]>;
  /** Cases open on `on` under the prefixes that hold `category` now, with their keyed hash. */
  casesHolding(
    category: ChildCategory,
    regions: RegionPrefixes,
    on: string,
  ): Promise<{ caseId: string; idHash: string | null }[]>;
  monitoringSignals(query: SignalListQuery): Promise<{ rows: SignalRow[]; totalCount: number }>;
  findSignal(signalId: string): Promise<SignalRow | null>;
  /**
   * After an erasure was projected: what the old row versions held must be gone from the files,
   * not only unreachable. SQLite (secure_delete always on, so freed space is overwritten):
   * checkpoints the WAL and truncates it. PostgreSQL: VACUUMs the case tables.
   */
  purgeDeleted(): Promise<void>;
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

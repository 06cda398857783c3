import type { RosterKind } from '@app/domain';

/** A row of a roster with no open case, staged while its import runs. Holds personal information. */
export type StagedCandidate = {
  id: string;
  idHash: string;
  idNumber: string;
  name: string;
  regionCode: string;
};

/** An identification candidate (识别线索): a child a roster lists and no open case holds. */
export type Candidate = {
  id: string;
  idHash: string;
  regionCode: string;
  name: string;
  idNumber: string;
  rosterKinds: RosterKind[];
  firstSeenOn: string;
  lastSeenOn: string;
  /** when an import last listed the child (ISO time): the retention runs from here */
  seenAt: string;
};

export type CandidatePage = { rows: Candidate[]; totalCount: number };

/**
 * Where identification candidates live: apart from the events (their personal information is
 * erased after the retention period, gone rather than hidden) and from the read models (nothing
 * rebuilds them). An import stages its rows, then merges them at once, or drops them.
 */
export interface CandidateStore {
  /** Stages rows of an import; a child staged twice in one import keeps its first row. */
  stage(importId: string, rows: readonly StagedCandidate[]): Promise<void>;
  /** Merges the staged rows into the candidates (a child already a candidate gains the kind). */
  commit(
    importId: string,
    seen: { rosterKind: RosterKind; asOf: string; at: string },
  ): Promise<number>;
  /** Forgets the staged rows of an import (a file imported before, a failed import). */
  drop(importId: string): Promise<void>;
  list(query: {
    regions: readonly string[] | null;
    after?: string;
    limit: number;
  }): Promise<CandidatePage>;
  find(id: string): Promise<Candidate | null>;
  /** The candidate became a case: its personal information leaves with it, the link stays. */
  closeCandidate(id: string, caseId: string, at: string): Promise<boolean>;
  closedAs(id: string): Promise<string | null>;
  /** Erases candidates last listed before `cutoff` (ISO time); how many. */
  eraseSeenBefore(cutoff: string): Promise<number>;
  shutdown(): Promise<void>;
}

export const CANDIDATE_STORE = Symbol('CANDIDATE_STORE');

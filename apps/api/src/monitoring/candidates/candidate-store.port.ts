import type { RosterKind } from '@app/domain';

/** A row of a roster with no open case, merged as its import runs. Holds personal information. */
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
 * rebuilds them). An import merges its rows a batch at a time, once its file is known to be new.
 */
export interface CandidateStore {
  /**
   * Merges a batch of an import's rows into the candidates, in one transaction: a new child
   * becomes a candidate, one already a candidate gains the kind and widens its dates. A child
   * listed twice by one import (in this batch or an earlier one) keeps its first row and counts
   * once. Answers how many candidates the batch created or updated.
   */
  merge(
    importId: string,
    rows: readonly StagedCandidate[],
    seen: { rosterKind: RosterKind; asOf: string; at: string },
  ): Promise<number>;
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

import type { Actor, PersonalInfoField } from '@app/domain';

/** One read of a child's personal information: who, when, which case, which fields. */
export interface AccessRecord {
  at: string;
  actor: Actor;
  /** the request that read it (the x-correlation-id header, else generated) */
  correlationId: string;
  caseId: string;
  fields: PersonalInfoField[];
}

/**
 * Where reads of personal information are kept. `append` is one durable write for all its
 * records (a page of 50 names is one append) and resolves only once they survive a crash.
 */
export interface AccessLogStore {
  append(records: readonly AccessRecord[]): Promise<void>;
  /** the reads of one case, oldest first */
  forCase(caseId: string): Promise<AccessRecord[]>;
  close(): Promise<void>;
}

export const ACCESS_LOG_STORE = Symbol('ACCESS_LOG_STORE');

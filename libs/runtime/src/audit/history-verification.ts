import { caseStreamId, verifyChain } from '@app/domain';
import { StreamNotFound, type EventStore, type StoredEvent } from '@app/event-store';
import { CaseNotFound } from '../errors/app-errors';
import { caseIdOfStream } from '../streams/case-streams';

/** Every event of a case's stream, oldest first; NOT_FOUND when the case was never written. */
export async function readCaseEvents(store: EventStore, caseId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  try {
    for await (const event of store.readStream(caseStreamId(caseId))) events.push(event);
  } catch (error) {
    if (error instanceof StreamNotFound) throw new CaseNotFound();
    throw error;
  }
  return events;
}

export interface HistoryVerification {
  events: number;
  valid: boolean;
  /** the first revision whose hash or link does not hold, null when the chain is intact */
  brokenAtRevision: number | null;
}

/** Recomputes the hash chain of one stream (the domain's `verifyChain`, no second copy). */
export function verifyHistory(events: readonly StoredEvent[]): HistoryVerification {
  const brokenAtRevision = verifyChain(events);
  return { events: events.length, valid: brokenAtRevision === null, brokenAtRevision };
}

/** The case ids in the log, in order of first appearance (one pass, ids only in memory). */
export async function caseIdsInLog(store: EventStore): Promise<string[]> {
  const ids = new Set<string>();
  for await (const event of store.readAll()) {
    const caseId = caseIdOfStream(event.streamId);
    if (caseId !== null) ids.add(caseId);
  }
  return [...ids];
}

export interface BrokenCase {
  caseId: string;
  /** null when the stream could not be read at all */
  brokenAtRevision: number | null;
}

export interface LogVerification {
  cases: number;
  events: number;
  broken: BrokenCase[];
}

/** Verifies every case of the log, one stream at a time; `onCase` after each (for a progress bar). */
export async function verifyAllCases(
  store: EventStore,
  caseIds: readonly string[],
  onCase: (caseId: string) => void = () => undefined,
): Promise<LogVerification> {
  const result: LogVerification = { cases: 0, events: 0, broken: [] };
  for (const caseId of caseIds) {
    try {
      const verification = verifyHistory(await readCaseEvents(store, caseId));
      result.events += verification.events;
      if (!verification.valid)
        result.broken.push({ caseId, brokenAtRevision: verification.brokenAtRevision });
    } catch {
      result.broken.push({ caseId, brokenAtRevision: null });
    }
    result.cases += 1;
    onCase(caseId);
  }
  return result;
}

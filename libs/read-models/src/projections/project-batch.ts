import type { CasePolicy } from '@app/domain';
import type { Position } from '@app/event-store';
import type {
  IdKeyChange,
  CaseRecord,
  CaseSnapshot,
  IssuedRollRecord,
  RowChanges,
  StandardRow,
} from '../read-model-store.port';
import { BENEFITS, timelineRows } from './benefits.projection';
import { projectCaseEvent } from './case-file.projection';
import { CASE_SUMMARY, caseSummaryRow } from './case-summary.projection';
import { STANDARDS, standardRow } from './standards.projection';
import { isPaymentRollStream, issuedRollRecord, PAYMENT_ROLLS } from './rolls.projection';
import { caseIdOfStream, isStandardStream, type ProjectedEvent } from './streams';
import { describeError } from './unhandled-event';
import { idKeyChange, signalRows } from './monitoring.projection';

/** Every projection; they advance together, in one transaction per batch. */
export const PROJECTIONS = [CASE_SUMMARY, BENEFITS, STANDARDS, PAYMENT_ROLLS] as const;
export type ProjectionName = (typeof PROJECTIONS)[number];

/** Where and why a projection stopped. Carries no event data (it may hold personal information). */
export type ProjectionFailure = {
  projection: ProjectionName;
  position: Position;
  type: string;
  streamId: string;
  error: string;
};

export type BatchResult = {
  changes: RowChanges;
  /** last event covered (applied, or of a stream no read model reads); null when none */
  checkpoint: Position | null;
  covered: number;
  failure: ProjectionFailure | null;
};

/** Case ids a batch touches (their snapshots are loaded before `projectBatch`). */
export function caseIdsOf(events: readonly ProjectedEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const caseId = caseIdOfStream(event.streamId);
    if (caseId !== null) ids.add(caseId);
  }
  return [...ids];
}

/**
 * Pure: events in log order plus the cases as they stood -> row changes. Stops at the first event
 * it cannot handle; the changes and checkpoint then cover exactly the events before it.
 * Streams no read model reads (identity reservations, ...) are covered without a change.
 */
export function projectBatch(
  events: readonly ProjectedEvent[],
  snapshots: ReadonlyMap<string, CaseSnapshot>,
  policy: CasePolicy,
): BatchResult {
  return projectQuickly(events, snapshots, policy) ?? projectEachEvent(events, snapshots, policy);
}

/**
 * Folds every event, then derives each touched case's rows once, from its last state (the rows
 * depend on nothing else; a rebuild touches a case many times a batch). Null when a row cannot be
 * derived: the careful pass then finds the event that made it so.
 */
function projectQuickly(
  events: readonly ProjectedEvent[],
  snapshots: ReadonlyMap<string, CaseSnapshot>,
  policy: CasePolicy,
): BatchResult | null {
  const fold = new QuickFold(new Map(snapshots));
  for (const event of events) if (!fold.add(event)) break;
  return fold.result(policy);
}

/**
 * The quick pass one event at a time, over case states the caller owns (`working`, changed in
 * place): a rebuild folds events as it reads them and holds no batch of them.
 */
export class QuickFold {
  private readonly touched = new Set<string>();
  private readonly standards: StandardRow[] = [];
  private readonly rolls: IssuedRollRecord[] = [];
  private readonly idKeys: IdKeyChange[] = [];
  /** last event folded, null before the first */
  checkpoint: Position | null = null;
  covered = 0;
  failure: ProjectionFailure | null = null;

  constructor(private readonly working: Map<string, CaseSnapshot>) {}

  /** Folds `event`; false, with `failure` set and nothing folded, for one it cannot handle. */
  add(event: ProjectedEvent): boolean {
    let stage: ProjectionName = CASE_SUMMARY;
    try {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId !== null) {
        this.working.set(caseId, projectCaseEvent(caseId, this.working.get(caseId) ?? null, event));
        this.touched.add(caseId);
      } else if (isStandardStream(event.streamId)) {
        stage = STANDARDS;
        this.standards.push(standardRow(event));
      } else if (isPaymentRollStream(event.streamId)) {
        stage = PAYMENT_ROLLS;
        this.rolls.push(issuedRollRecord(event));
      } else {
        const idKey = idKeyChange(event);
        if (idKey) this.idKeys.push(idKey);
      }
      this.checkpoint = event.position;
      this.covered += 1;
      return true;
    } catch (error) {
      this.failure = failureAt(stage, event, error);
      return false;
    }
  }

  /** The rows of every touched case, from its last state; null when one cannot be derived. */
  result(policy: CasePolicy): BatchResult | null {
    const cases: CaseRecord[] = [];
    try {
      for (const caseId of this.touched) cases.push(caseRecord(this.working.get(caseId)!, policy));
    } catch {
      return null;
    }
    return {
      changes: { cases, standards: this.standards, rolls: this.rolls, idKeys: this.idKeys },
      checkpoint: this.checkpoint,
      covered: this.covered,
      failure: this.failure,
    };
  }
}

/** Rows after every event, so a row that cannot be derived stops at the event that caused it. */
function projectEachEvent(
  events: readonly ProjectedEvent[],
  snapshots: ReadonlyMap<string, CaseSnapshot>,
  policy: CasePolicy,
): BatchResult {
  const working = new Map(snapshots);
  const records = new Map<string, CaseRecord>();
  const standards: StandardRow[] = [];
  const rolls: IssuedRollRecord[] = [];
  const idKeys: IdKeyChange[] = [];
  let checkpoint: Position | null = null;
  let covered = 0;
  let failure: ProjectionFailure | null = null;

  for (const event of events) {
    let stage: ProjectionName = CASE_SUMMARY;
    try {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId !== null) {
        const snapshot = projectCaseEvent(caseId, working.get(caseId) ?? null, event);
        const summary = caseSummaryRow(snapshot, policy);
        stage = BENEFITS;
        records.set(caseId, {
          snapshot,
          summary,
          ...timelineRows(snapshot, policy),
          signals: signalRows(snapshot),
        });
        working.set(caseId, snapshot);
      } else if (isStandardStream(event.streamId)) {
        stage = STANDARDS;
        standards.push(standardRow(event));
      } else if (isPaymentRollStream(event.streamId)) {
        stage = PAYMENT_ROLLS;
        rolls.push(issuedRollRecord(event));
      } else {
        const idKey = idKeyChange(event);
        if (idKey) idKeys.push(idKey);
      }
      checkpoint = event.position;
      covered += 1;
    } catch (error) {
      failure = failureAt(stage, event, error);
      break;
    }
  }
  return {
    changes: { cases: [...records.values()], standards, rolls, idKeys },
    checkpoint,
    covered,
    failure,
  };
}

function caseRecord(snapshot: CaseSnapshot, policy: CasePolicy): CaseRecord {
  return {
    snapshot,
    summary: caseSummaryRow(snapshot, policy),
    ...timelineRows(snapshot, policy),
    signals: signalRows(snapshot),
  };
}

function failureAt(
  projection: ProjectionName,
  event: ProjectedEvent,
  error: unknown,
): ProjectionFailure {
  return {
    projection,
    position: event.position,
    type: event.type,
    streamId: event.streamId,
    error: describeError(error),
  };
}

import { Inject, Injectable } from '@nestjs/common';
import {
  businessDateOf,
  caseStreamId,
  foldCase,
  foldCaseAsOf,
  timedCaseEvent,
  type Action,
  type CasePolicy,
  type CaseEvent,
  type EventMetadata,
} from '@app/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@app/event-store';
import type { Principal } from '@app/runtime/auth/principal';
import { toCaseView } from '../cases/case-view';
import { assertAllowed } from '../cases/command-context';
import type { Case } from '../cases/graphql/case.types';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { AccessLog } from './access-log/access-log.service';

import type { AccessLogEntry, CaseHistoryEvent, HistoryVerification } from './graphql/audit.types';
import { readCaseEvents, verifyHistory } from '@app/runtime/audit/history-verification';
import { CaseNotFound } from '@app/runtime/errors/app-errors';
import { CheckpointService } from './integrity/checkpoint.service';
import { firstTamperedRevision } from '@app/runtime/audit/stream-integrity';
import { KnownStandards } from './known-standards';
import { maskEventData } from './mask-personal-info';
import { discloser, type Show } from '../personal-data/discloser';

// a region no prefix but "everywhere" covers: for a stream too damaged to tell its region
const UNKNOWN_REGION = '';

/** The audit's reads of one case, straight from its event stream (never from a read model). */
@Injectable()
export class CaseAudit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly standards: KnownStandards,
    private readonly accessLog: AccessLog,
    private readonly checkpoints: CheckpointService,
    @Inject(CASE_POLICY) private readonly policy: CasePolicy,
  ) {}

  async history(principal: Principal, caseId: string): Promise<CaseHistoryEvent[]> {
    const events = await this.authorizedEvents(principal, 'caseHistory', caseId);
    // the history channel discloses nothing in full (the policy), so it has no reads to log
    const show = discloser(principal, caseId, regionOf(events), 'history', null);
    return events.map((event) => toHistoryEvent(event, show));
  }

  /** The case at business time `at` as known at `knownAt` (default now); null if not yet there. */
  async asOf(
    principal: Principal,
    caseId: string,
    at: string,
    knownAt: string | null,
  ): Promise<Case | null> {
    const events = await this.authorizedEvents(principal, 'caseAsOf', caseId);
    const known = knownAt ?? this.clock.now().toISOString();
    const { state, revision } = foldCaseAsOf(events.map(timedCaseEvent), at, known);
    if (state.status === 'NONE') return null;
    const standards = await this.standards.lookupAsKnownAt(known);
    return toCaseView(state, revision, standards, businessDateOf(at), this.policy);
  }

  /**
   * The case's own chain, then its place in the global chain and the heads the signed checkpoints
   * recorded of it (integrity/stream-integrity.ts): the first revision that fails either. A stream
   * the checkpoints knew and the store no longer holds is not NOT_FOUND but broken at revision 0
   * (its region unknown: for principals of every region only).
   */
  async verify(principal: Principal, caseId: string): Promise<HistoryVerification> {
    const streamId = caseStreamId(caseId);
    const signed = this.checkpoints.signed();
    let events: StoredEvent[];
    try {
      events = await this.authorizedEvents(principal, 'verifyCaseHistory', caseId);
    } catch (error) {
      const known = signed.some((c) => c.streams.some(([stream]) => stream === streamId));
      if (!(error instanceof CaseNotFound) || !known) throw error;
      assertAllowed(principal, 'verifyCaseHistory', UNKNOWN_REGION);
      return { events: 0, valid: false, brokenAtRevision: 0 };
    }
    const own = verifyHistory(events);
    const placed = await firstTamperedRevision(this.store, streamId, events, signed);
    const broken = [own.brokenAtRevision, placed].filter((r): r is number => r !== null);
    if (broken.length === 0) return own;
    return { events: events.length, valid: false, brokenAtRevision: Math.min(...broken) };
  }

  async accessLogOf(principal: Principal, caseId: string): Promise<AccessLogEntry[]> {
    await this.authorizedEvents(principal, 'accessLog', caseId);
    return (await this.accessLog.forCase(caseId)).map((record) => ({
      at: record.at,
      actor: { ...record.actor, agency: record.actor.agency ?? null },
      fields: record.fields,
      correlationId: record.correlationId,
    }));
  }

  /** Role first (nothing read), then the case's current region. */
  private async authorizedEvents(
    principal: Principal,
    action: Action,
    caseId: string,
  ): Promise<StoredEvent[]> {
    assertAllowed(principal, action);
    const events = await readCaseEvents(this.store, caseId);
    assertAllowed(principal, action, regionOf(events));
    return events;
  }
}

function regionOf(events: readonly StoredEvent[]): string {
  try {
    const state = foldCase(events.map(({ type, data }) => ({ type, data }) as CaseEvent));
    return state.status === 'NONE' ? UNKNOWN_REGION : state.regionCode;
  } catch {
    return UNKNOWN_REGION;
  }
}

function toHistoryEvent(event: StoredEvent, show: Show): CaseHistoryEvent {
  const m = event.metadata as Partial<EventMetadata>;
  return {
    revision: Number(event.revision),
    position: event.position,
    type: event.type,
    occurredAt: String(m.occurredAt),
    recordedAt: String(m.recordedAt),
    actor: {
      id: String(m.actor?.id),
      role: String(m.actor?.role),
      agency: m.actor?.agency ?? null,
    },
    correlationId: String(m.correlationId),
    causationId: m.causationId ?? null,
    data: maskEventData(event.type, event.data, show),
    hash: String(m.hash),
    previousHash: m.previousHash ?? null,
  };
}

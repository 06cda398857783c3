import { Inject, Injectable } from '@nestjs/common';
import {
  businessDateOf,
  foldCase,
  foldCaseAsOf,
  timedCaseEvent,
  type Action,
  type CasePolicy,
  type CaseEvent,
  type EventMetadata,
} from '@app/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@app/event-store';
import type { Principal } from '../auth/principal';
import { toCaseView } from '../cases/case-view';
import { assertAllowed } from '../cases/command-context';
import type { Case } from '../cases/graphql/case.types';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { AccessLog } from './access-log/access-log.service';

import type { AccessLogEntry, CaseHistoryEvent, HistoryVerification } from './graphql/audit.types';
import { readCaseEvents, verifyHistory } from './history-verification';
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

  async verify(principal: Principal, caseId: string): Promise<HistoryVerification> {
    return verifyHistory(await this.authorizedEvents(principal, 'verifyCaseHistory', caseId));
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

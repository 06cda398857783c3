import { Inject, Injectable } from '@nestjs/common';
import {
  AGENCY_ACTS,
  agencyRoleFor,
  caseDecider,
  checkGuardianshipAct,
  FieldChecks,
  type CasePolicy,
  type CaseState,
  type RecordGuardianshipAct,
} from '@app/domain';
import { EVENT_STORE, StreamNotFound, type EventStore } from '@app/event-store';
import type { Principal } from '@app/runtime/auth/principal';
import { CaseCommandService } from '../cases/case-command.service';
import { caseStream } from '@app/runtime/streams/case-streams';
import { actorOf, assertAllowed, type CommandContext } from '../cases/command-context';
import { IdentityReservations } from '../cases/identity-reservations';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { CommandPath } from '../command/command-path';
import {
  CaseNotFound,
  ConcurrencyConflict,
  Forbidden,
  IdempotencyKeyReused,
} from '@app/runtime/errors/app-errors';
import {
  fingerprintOf,
  idempotencyIdsOf,
  type IdempotencyIds,
} from './idempotency/idempotency-keys';
import { KeyClaims } from './idempotency/key-claims';
import { KeyedLock } from '../command/keyed-lock';
import {
  commandDataOf,
  parseGuardianshipAct,
  type GuardianshipActRequest,
} from './parse-guardianship-act';

/** The answer of both 201 (recorded now) and 200 (a replay): where the act's event sits. */
export interface AgencyActResult {
  caseId: string;
  eventId: string;
  revision: number;
  position: string;
}

export interface AgencyActOutcome {
  result: AgencyActResult;
  /** the key was already used with this very request: nothing new was written */
  replayed: boolean;
}

type ActInput = Omit<RecordGuardianshipAct, 'actor' | 'now'>;

const AGENCY_ROLES: readonly string[] = AGENCY_ACTS.map(agencyRoleFor);
/** Appends that lost a race to an unrelated writer are retried this often (the id stays fixed). */
const MAX_APPENDS = 3;

/**
 * Guardianship acts from courts and procuratorates, for the REST and the gRPC controller alike.
 *
 * Idempotency, durable and race-free on the event store alone:
 * - the act's event id is derived from (agency, key). The command path will not decide on a
 *   stream that already holds it, and appends at the revision it read: the id lands in the case's
 *   stream at most once, on any store (SQLite even refuses an id twice store-wide);
 * - the key's stream records, once (optimistic concurrency), which case and which request
 *   fingerprint the key belongs to, before the act is appended; a key reused with another body or
 *   for another child is refused against it (409) even while the first request is still running;
 * - a replay looks for the event id in that case's stream, and so does a request whose append lost
 *   a race: finding it means the work is done (200 with the original answer).
 * Inside one process, requests with the same key also run one after another, so that of
 * concurrent duplicates exactly one answers 201. Nothing is written before the request has passed
 * validation, authorisation and a dry run of the domain rules: refused requests leave no trace.
 */
@Injectable()
export class AgencyActsService {
  private readonly lock = new KeyedLock();
  /** decides under the configured policy, as CaseCommandService does */
  private readonly decider: ReturnType<typeof caseDecider>;

  constructor(
    private readonly cases: CaseCommandService,
    private readonly path: CommandPath,
    private readonly reservations: IdentityReservations,
    private readonly claims: KeyClaims,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_POLICY) policy: CasePolicy,
  ) {
    this.decider = caseDecider(policy);
  }

  async record(
    principal: Principal,
    key: unknown,
    body: unknown,
    correlationId: string,
  ): Promise<AgencyActOutcome> {
    if (!AGENCY_ROLES.includes(principal.role))
      throw new Forbidden(`role ${principal.role} may not use the agency API`);
    const parsed = parseGuardianshipAct(key, body);
    assertAllowed(principal, parsed.request.act);
    // the act's own rules before the child is looked up: a bad act says nothing of any case
    const checks = new FieldChecks();
    checkGuardianshipAct(checks, commandDataOf(parsed.request), this.clock.now().toISOString());
    checks.throwIfAny();
    const ids = idempotencyIdsOf(principal, parsed.key);
    const fingerprint = fingerprintOf(parsed.request);
    const ctx: CommandContext = { principal, correlationId };
    return this.lock.run(ids.keyStream, () =>
      this.recordOnce(parsed.request, ids, fingerprint, ctx),
    );
  }

  private async recordOnce(
    request: GuardianshipActRequest,
    ids: IdempotencyIds,
    fingerprint: string,
    ctx: CommandContext,
  ): Promise<AgencyActOutcome> {
    const claimed = await this.claims.find(ids.keyStream);
    if (claimed !== null && claimed.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
    const caseId = claimed?.caseId ?? (await this.caseOf(request));
    // one read for both: is the act already there, and the state to check it against
    const loaded = await this.path.load(caseStream(caseId), this.decider, ids.eventId);
    // the region before the replay: an agency outside the case's regions learns nothing of it
    if (loaded.state.status !== 'NONE')
      assertAllowed(ctx.principal, request.act, loaded.state.regionCode);
    if (loaded.holdsId) return this.replay(caseId, ids, fingerprint);
    const input = this.checked(request, caseId, loaded.state, ctx);
    if (claimed === null) {
      const claim = { caseId, eventId: ids.eventId, fingerprint };
      const holder = await this.claims.claim(ids.keyStream, claim, ctx);
      if (holder.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
      if (holder.caseId !== caseId) throw new ConcurrencyConflict();
    }
    // claimed earlier but not written (refused then, or a crash): run it again under the same id
    return this.append(input, ids.eventId, ctx);
  }

  /** The child's case: by case id, or the open case of the ID number. */
  private async caseOf(request: GuardianshipActRequest): Promise<string> {
    if (request.caseId !== undefined) return request.caseId;
    const caseId = await this.reservations.findOpenCase(request.childIdNumber!);
    if (caseId === null) throw new CaseNotFound();
    return caseId;
  }

  /** 404, 403 (regions), 400 and 422 (domain rules, dry run): all before anything is written. */
  private checked(
    request: GuardianshipActRequest,
    caseId: string,
    state: CaseState,
    ctx: CommandContext,
  ): ActInput {
    if (state.status === 'NONE') throw new CaseNotFound();
    assertAllowed(ctx.principal, request.act, state.regionCode);
    const input: ActInput = { type: 'RecordGuardianshipAct', caseId, data: commandDataOf(request) };
    const now = this.clock.now().toISOString();
    this.decider.decide({ ...input, actor: actorOf(ctx.principal), now }, state);
    return input;
  }

  /** The act is in the case already: answer as the first time, if the key meant this request. */
  private async replay(
    caseId: string,
    ids: IdempotencyIds,
    fingerprint: string,
  ): Promise<AgencyActOutcome> {
    const claim = await this.claims.find(ids.keyStream);
    if (claim !== null && claim.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
    const original = await this.findEvent(caseId, ids.eventId);
    if (original === null) throw new ConcurrencyConflict(); // events are never removed
    return { result: original, replayed: true };
  }

  private async append(
    input: ActInput,
    eventId: string,
    ctx: CommandContext,
  ): Promise<AgencyActOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const done = await this.cases.execute(input, ctx, { eventIds: [eventId] });
        const result = {
          caseId: done.caseId,
          eventId,
          revision: done.revision,
          position: done.position,
        };
        return { result, replayed: false };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
        // a duplicate from another process may have written it; else another writer got in first
        const original = await this.findEvent(input.caseId, eventId);
        if (original !== null) return { result: original, replayed: true };
        if (attempt >= MAX_APPENDS) throw error;
      }
    }
  }

  private async findEvent(caseId: string, eventId: string): Promise<AgencyActResult | null> {
    try {
      for await (const event of this.store.readStream(caseStream(caseId))) {
        if (event.id === eventId)
          return { caseId, eventId, revision: Number(event.revision), position: event.position };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return null;
  }
}

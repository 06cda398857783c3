import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  caseDecider,
  holdsIdNumber,
  reservationDecider,
  type CasePolicy,
  type CaseState,
} from '@app/domain';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { CommandPath } from '../command/command-path';
import { caseStream, reservationStream } from '@app/runtime/streams/case-streams';
import { envelopeFor, type CommandContext } from './command-context';

/** A reservation younger than this may belong to an identification still being written. */
const IN_FLIGHT_GRACE_MS = 60_000;

/**
 * One open case per ID number, on any event store: the reservation stream (keyed hash of the
 * number) is appended with optimistic concurrency, so two concurrent identifications cannot both
 * win. The case streams are the truth: a reservation whose holder no longer carries the number
 * open (closed, corrected, or never written) is stale, and the next reservation takes it over.
 */
@Injectable()
export class IdentityReservations {
  private readonly logger = new Logger(IdentityReservations.name);

  /** folds the holder's case (the policy plays no part in a fold, but the decider carries it) */
  private readonly cases: ReturnType<typeof caseDecider>;

  constructor(
    private readonly path: CommandPath,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_POLICY) policy: CasePolicy,
  ) {
    this.cases = caseDecider(policy);
  }

  /**
   * Reserves the number for the case; DUPLICATE_CASE while another case holds it. True when
   * this call took it, false when the case held it already (nothing was written).
   */
  async reserve(idNumber: string, caseId: string, ctx: CommandContext): Promise<boolean> {
    const stream = reservationStream(this.config.identityKey, idNumber);
    const loaded = await this.path.load(stream, reservationDecider);
    const holder = loaded.state.heldBy;
    const staleHolder =
      holder !== null &&
      holder !== caseId &&
      (await this.isStale(holder, idNumber, loaded.lastRecordedAt))
        ? holder
        : undefined;
    const outcome = await this.path.run(
      stream,
      reservationDecider,
      { type: 'Reserve', caseId, staleHolder },
      envelopeFor(ctx, this.clock.now().toISOString()),
    );
    return outcome.eventIds.length > 0;
  }

  /** The open case of an ID number, if any (how agencies name a child by ID number). */
  async findOpenCase(idNumber: string): Promise<string | null> {
    const loaded = await this.path.load(
      reservationStream(this.config.identityKey, idNumber),
      reservationDecider,
    );
    const holder = loaded.state.heldBy;
    if (holder === null) return null;
    const { state } = await this.path.load(caseStream(holder), this.cases);
    return holdsIdNumber(state, idNumber) ? holder : null;
  }

  async release(
    idNumber: string,
    caseId: string,
    reason: string,
    ctx: CommandContext,
  ): Promise<void> {
    const stream = reservationStream(this.config.identityKey, idNumber);
    await this.path.run(
      stream,
      reservationDecider,
      { type: 'Release', caseId, reason },
      envelopeFor(ctx, this.clock.now().toISOString()),
    );
  }

  /**
   * Frees each of `idNumbers` the case holds a reservation of but no longer carries open in
   * `state`. After a failed command this is the compensation, and it must not hide the failure:
   * an error here is logged, and what it leaves behind is stale, taken over by the next reservation.
   */
  async settle(
    caseId: string,
    idNumbers: readonly string[],
    state: CaseState,
    reason: string,
    ctx: CommandContext,
  ): Promise<void> {
    for (const idNumber of new Set(idNumbers)) {
      if (holdsIdNumber(state, idNumber)) continue;
      try {
        await this.release(idNumber, caseId, reason, ctx);
      } catch (error) {
        this.logger.warn(
          `a reservation of case ${caseId} was left to go stale (${(error as Error)?.name ?? 'error'})`,
        );
      }
    }
  }

  /**
   * A holder is stale when its case does not hold the number (closed, or its ID number corrected:
   * the release after it was lost) or was never written (a crash between reserving and
   * identifying) and the grace time passed.
   */
  private async isStale(
    holderCaseId: string,
    idNumber: string,
    reservedAt: string | undefined,
  ): Promise<boolean> {
    const holder = await this.path.load(caseStream(holderCaseId), this.cases);
    if (holder.state.status !== 'NONE') return !holdsIdNumber(holder.state, idNumber);
    const age = this.clock.now().getTime() - (reservedAt ? Date.parse(reservedAt) : 0);
    return age > IN_FLIGHT_GRACE_MS;
  }
}

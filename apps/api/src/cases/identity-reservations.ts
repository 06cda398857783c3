import { Inject, Injectable } from '@nestjs/common';
import { caseDecider, reservationDecider } from '@app/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../command/clock';
import { CommandPath } from '../command/command-path';
import { caseStream, reservationStream } from './case-streams';
import { envelopeFor, type CommandContext } from './command-context';

/** A reservation younger than this may belong to an identification still being written. */
const IN_FLIGHT_GRACE_MS = 60_000;

/**
 * One open case per ID number, on any event store: the reservation stream (keyed hash of the
 * number) is appended with optimistic concurrency, so two concurrent identifications cannot both win.
 */
@Injectable()
export class IdentityReservations {
  constructor(
    private readonly path: CommandPath,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async reserve(idNumber: string, caseId: string, ctx: CommandContext): Promise<void> {
    const stream = reservationStream(this.config.identityKey, idNumber);
    const loaded = await this.path.load(stream, reservationDecider);
    const holder = loaded.state.heldBy;
    const staleHolder =
      holder !== null && holder !== caseId && (await this.isStale(holder, loaded.lastRecordedAt));
    await this.path.run(
      stream,
      reservationDecider,
      { type: 'Reserve', caseId, staleHolder },
      envelopeFor(ctx, this.clock.now().toISOString()),
    );
  }

  /** The open case of an ID number, if any (how agencies name a child by ID number). */
  async findOpenCase(idNumber: string): Promise<string | null> {
    const loaded = await this.path.load(
      reservationStream(this.config.identityKey, idNumber),
      reservationDecider,
    );
    const holder = loaded.state.heldBy;
    if (holder === null) return null;
    const { state } = await this.path.load(caseStream(holder), caseDecider);
    return state.status === 'NONE' || state.status === 'CLOSED' ? null : holder;
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
   * A holder is stale when its case is closed (the release after closing was lost) or when its
   * case was never written (a crash between reserving and identifying) and the grace time passed.
   */
  private async isStale(holderCaseId: string, reservedAt: string | undefined): Promise<boolean> {
    const holder = await this.path.load(caseStream(holderCaseId), caseDecider);
    if (holder.state.status === 'CLOSED') return true;
    if (holder.state.status !== 'NONE') return false;
    const age = this.clock.now().getTime() - (reservedAt ? Date.parse(reservedAt) : 0);
    return age > IN_FLIGHT_GRACE_MS;
  }
}

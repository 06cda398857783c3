import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  COMMAND_ACTION_OF,
  businessTimeOf,
  caseDecider,
  initialCaseState,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type IdentifyChild,
} from '@app/domain';
import { CLOCK, type Clock } from '../command/clock';
import { CommandPath, type CommandOutcome } from '../command/command-path';
import type { Decider } from '../command/decider';
import { CorrectionTargets } from '../audit/correction-targets';
import { CaseNotFound } from '../errors/app-errors';
import { caseStream } from './case-streams';
import { actorOf, assertAllowed, envelopeFor, type CommandContext } from './command-context';
import { IdentityReservations } from './identity-reservations';

/** Each event carries its own business time (a court act: its effective date). */
const occurredAt = (event: { type: string; data: unknown }): string =>
  businessTimeOf(event as CaseEvent);

export interface CaseCommandResult {
  caseId: string;
  revision: number;
  position: string;
  state: CaseState;
  eventIds: string[];
  eventTypes: string[];
}

export type ExistingCaseCommand = Exclude<CaseCommand, IdentifyChild>;
/** A command on an existing case, before the actor and the time are added. */
export type CaseCommandInput = Omit<ExistingCaseCommand, 'actor' | 'now'>;

/** Runs case commands on the one command path, with authorisation and the one-open-case rule. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly path: CommandPath,
    private readonly reservations: IdentityReservations,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly corrections: CorrectionTargets,
  ) {}

  async identify(data: IdentifyChild['data'], ctx: CommandContext): Promise<CaseCommandResult> {
    assertAllowed(ctx.principal, 'identifyChild', data.regionCode);
    const caseId = randomUUID();
    const command: IdentifyChild = {
      type: 'IdentifyChild',
      caseId,
      actor: actorOf(ctx.principal),
      now: this.now(),
      data,
    };
    caseDecider.decide(command, initialCaseState()); // refuse bad input before reserving anything
    await this.reservations.reserve(data.idNumber, caseId, ctx);
    try {
      const outcome = await this.path.run(
        caseStream(caseId),
        caseDecider,
        command,
        envelopeFor(ctx, occurredAt),
      );
      return result(caseId, outcome);
    } catch (error) {
      await this.reservations.release(data.idNumber, caseId, 'identification failed', ctx);
      throw error;
    }
  }

  async execute(
    input: CaseCommandInput,
    ctx: CommandContext,
    envelopeOverrides?: { eventIds?: string[] },
    reservationHandled = false,
  ): Promise<CaseCommandResult> {
    const action = COMMAND_ACTION_OF[input.type as keyof typeof COMMAND_ACTION_OF];
    if (action) assertAllowed(ctx.principal, action);
    const command = {
      ...input,
      actor: actorOf(ctx.principal),
      now: this.now(),
    } as ExistingCaseCommand;
    const stream = caseStream(command.caseId);
    if (command.type === 'ReopenCase') await this.reserveForReopen(command, ctx);
    // correctsRevision must name an event of this stream that recorded the field
    if (command.type === 'CorrectCase') await this.corrections.check(ctx.principal, command);
    if (
      command.type === 'CorrectCase' &&
      command.data.field === 'idNumber' &&
      !reservationHandled
    ) {
      return this.correctIdNumber(command, ctx);
    }

    const guarded: Decider<CaseState, CaseCommand, CaseEvent> = {
      ...caseDecider,
      decide: (c, state) => {
        if (state.status === 'NONE') throw new CaseNotFound();
        if (action) {
          const regions =
            c.type === 'TransferCase'
              ? [state.regionCode, c.data.toRegionCode]
              : [state.regionCode];
          assertAllowed(ctx.principal, action, ...regions);
        }
        return caseDecider.decide(c, state);
      },
    };
    let outcome: CommandOutcome<CaseState>;
    try {
      outcome = await this.path.run(stream, guarded, command, {
        ...envelopeFor(ctx, occurredAt),
        ...envelopeOverrides,
      });
    } catch (error) {
      if (command.type === 'ReopenCase') await this.releaseAfterFailedReopen(command.caseId, ctx);
      throw error;
    }
    if (outcome.eventTypes.includes('CaseClosed') && outcome.state.status !== 'NONE') {
      await this.reservations.release(
        outcome.state.child.idNumber,
        command.caseId,
        'case closed',
        ctx,
      );
    }
    return result(command.caseId, outcome);
  }

  /** The one-open-case rule follows the corrected number: reserve the new one, then free the old. */
  private async correctIdNumber(
    command: ExistingCaseCommand & { type: 'CorrectCase' },
    ctx: CommandContext,
  ): Promise<CaseCommandResult> {
    const { state } = await this.load(command.caseId);
    if (state.status === 'NONE') throw new CaseNotFound();
    assertAllowed(ctx.principal, 'correctCase', state.regionCode);
    const holdsReservation = state.status !== 'CLOSED';
    if (holdsReservation) await this.reservations.reserve(command.data.to, command.caseId, ctx);
    let outcome: CaseCommandResult;
    try {
      outcome = await this.execute({ ...command, data: { ...command.data } }, ctx, undefined, true);
    } catch (error) {
      if (holdsReservation)
        await this.reservations.release(command.data.to, command.caseId, 'correction failed', ctx);
      throw error;
    }
    if (holdsReservation)
      await this.reservations.release(
        state.child.idNumber,
        command.caseId,
        'ID number corrected',
        ctx,
      );
    return outcome;
  }

  async load(caseId: string): Promise<{ state: CaseState; revision: number }> {
    const loaded = await this.path.load(caseStream(caseId), caseDecider);
    return {
      state: loaded.state,
      revision: loaded.revision === 'no_stream' ? -1 : Number(loaded.revision),
    };
  }

  private async reserveForReopen(command: ExistingCaseCommand, ctx: CommandContext): Promise<void> {
    const { state } = await this.load(command.caseId);
    if (state.status === 'CLOSED')
      await this.reservations.reserve(state.child.idNumber, command.caseId, ctx);
  }

  private async releaseAfterFailedReopen(caseId: string, ctx: CommandContext): Promise<void> {
    const { state } = await this.load(caseId);
    if (state.status === 'CLOSED')
      await this.reservations.release(state.child.idNumber, caseId, 'reopen failed', ctx);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function result(caseId: string, outcome: CommandOutcome<CaseState>): CaseCommandResult {
  return {
    caseId,
    revision: outcome.revision === 'no_stream' ? -1 : Number(outcome.revision),
    position: outcome.position ?? '0',
    state: outcome.state,
    eventIds: outcome.eventIds,
    eventTypes: outcome.eventTypes,
  };
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  COMMAND_ACTION_OF,
  businessTimeOf,
  caseDecider,
  evolve,
  heldIdNumbers,
  initialCaseState,
  type CaseCommand,
  type CasePolicy,
  type CaseEvent,
  type CaseState,
  type CommandAction,
  type IdentifyChild,
} from '@app/domain';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { CommandPath, type CommandOutcome } from '../command/command-path';
import type { Decider } from '@app/domain';
import { KeyedLock } from '../command/keyed-lock';
import { CorrectionTargets } from '../audit/correction-targets';
import { CaseNotFound, type FieldError } from '@app/runtime/errors/app-errors';
import { inputProblemsOf } from '../validation/input-problems';
import { caseStream } from '@app/runtime/streams/case-streams';
import { actorOf, assertAllowed, envelopeFor, type CommandContext } from './command-context';
import { IdentityReservations } from './identity-reservations';
import { inputRefusal } from './input-refusal';

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

type CaseDecider = Decider<CaseState, CaseCommand, CaseEvent>;
type EnvelopeOverrides = { eventIds?: string[]; keepFold?: boolean };

/** The commands that can change which ID number a case holds open (the others never touch one). */
const movesIdNumber = (command: ExistingCaseCommand): boolean =>
  command.type === 'CloseCase' ||
  command.type === 'ReopenCase' ||
  command.type === 'ErasePersonalInformation' ||
  (command.type === 'CorrectCase' && command.data.field === 'idNumber');

/** Runs case commands on the one command path, with authorisation and the one-open-case rule. */
@Injectable()
export class CaseCommandService {
  /** commands that move a case's reservation run one at a time per case in this process */
  private readonly caseLocks = new KeyedLock();

  /** decides under the configured policy (the read side projects with the same) */
  private readonly decider: CaseDecider;

  constructor(
    private readonly path: CommandPath,
    private readonly reservations: IdentityReservations,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly corrections: CorrectionTargets,
    @Inject(CASE_POLICY) policy: CasePolicy,
  ) {
    this.decider = caseDecider(policy);
  }

  async identify(data: IdentifyChild['data'], ctx: CommandContext): Promise<CaseCommandResult> {
    const problems = inputProblemsOf(data);
    assertAllowed(ctx.principal, 'identifyChild', ...(problems.length ? [] : [data.regionCode]));
    const caseId = randomUUID();
    const command: IdentifyChild = {
      type: 'IdentifyChild',
      caseId,
      actor: actorOf(ctx.principal),
      now: this.now(),
      data,
    };
    const state = initialCaseState();
    if (problems.length > 0) throw await inputRefusal(problems, command, state, this.decider);
    return this.withReservations(command, state, this.decider, ctx);
  }

  async execute(
    input: CaseCommandInput,
    ctx: CommandContext,
    envelopeOverrides?: EnvelopeOverrides,
  ): Promise<CaseCommandResult> {
    const action = COMMAND_ACTION_OF[input.type as keyof typeof COMMAND_ACTION_OF];
    if (action) assertAllowed(ctx.principal, action);
    const command = {
      ...input,
      actor: actorOf(ctx.principal),
      now: this.now(),
    } as ExistingCaseCommand;
    const decider = this.guarded(action, ctx);
    const problems = inputProblemsOf(command.data);
    if (problems.length > 0) throw await this.inputRefusal(command, problems, decider, ctx);
    // correctsRevision must name an event of this stream that recorded the field
    if (command.type === 'CorrectCase') await this.corrections.check(ctx.principal, command);
    if (!movesIdNumber(command)) {
      const envelope = { ...envelopeFor(ctx, occurredAt), ...envelopeOverrides };
      const outcome = await this.path.run(caseStream(command.caseId), decider, command, envelope);
      return result(command.caseId, outcome);
    }
    return this.caseLocks.run(command.caseId, async () => {
      const { state } = await this.load(command.caseId);
      return this.withReservations(command, state, decider, ctx, envelopeOverrides);
    });
  }

  /**
   * The one-open-case rule around a command that may change the number a case holds: the command
   * is decided on the current state first (a refusal, whatever its reason, has touched nothing),
   * the numbers it will hold are reserved, the case is written, and then the numbers it no longer
   * holds are released. When the write fails, what this command reserved is released again unless
   * the case holds it after all: a refused or failed command leaves the reservations as it found them.
   */
  private async withReservations(
    command: CaseCommand,
    state: CaseState,
    decider: CaseDecider,
    ctx: CommandContext,
    envelopeOverrides?: EnvelopeOverrides,
  ): Promise<CaseCommandResult> {
    const { caseId } = command;
    const before = heldIdNumbers(state);
    const after = heldIdNumbers(decider.decide(command, state).reduce(evolve, state));
    const taken: string[] = [];
    let outcome: CommandOutcome<CaseState>;
    try {
      for (const idNumber of after.filter((n) => !before.includes(n)))
        if (await this.reservations.reserve(idNumber, caseId, ctx)) taken.push(idNumber);
      const envelope = { ...envelopeFor(ctx, occurredAt), ...envelopeOverrides };
      outcome = await this.path.run(caseStream(caseId), decider, command, envelope);
    } catch (error) {
      // when the case cannot even be read, what was taken is left: it goes stale (see reserve)
      const now = taken.length > 0 ? await this.load(caseId).catch(() => null) : null;
      if (now)
        await this.reservations.settle(caseId, taken, now.state, `${command.type} failed`, ctx);
      throw error;
    }
    await this.reservations.settle(caseId, [...before, ...taken], outcome.state, command.type, ctx);
    return result(caseId, outcome);
  }

  /** An input its DTO refused, named together with what the case refuses (see inputRefusal). */
  private async inputRefusal(
    command: ExistingCaseCommand,
    problems: FieldError[],
    decider: CaseDecider,
    ctx: CommandContext,
  ) {
    const { state } = await this.load(command.caseId);
    const targets =
      command.type === 'CorrectCase' ? [() => this.corrections.check(ctx.principal, command)] : [];
    return inputRefusal(problems, command, state, decider, targets);
  }

  /** Unknown cases are NOT_FOUND, and the case must lie in the caller's regions (both, to transfer). */
  private guarded(action: CommandAction | undefined, ctx: CommandContext): CaseDecider {
    const decider = this.decider;
    return {
      ...decider,
      decide: (c, state) => {
        if (state.status === 'NONE') throw new CaseNotFound();
        if (action) {
          const regions =
            c.type === 'TransferCase'
              ? [state.regionCode, c.data.toRegionCode]
              : [state.regionCode];
          assertAllowed(ctx.principal, action, ...regions);
        }
        return decider.decide(c, state);
      },
    };
  }

  async load(caseId: string): Promise<{ state: CaseState; revision: number }> {
    const loaded = await this.path.load(caseStream(caseId), this.decider);
    return {
      state: loaded.state,
      revision: loaded.revision === 'no_stream' ? -1 : Number(loaded.revision),
    };
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

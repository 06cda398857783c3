import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import {
  paymentRollDecider,
  paymentRollStreamId,
  RollAlreadyIssued,
  type IssuePaymentRoll,
} from '@app/domain';
import { PaymentRolls } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { actorOf, assertAllowed, envelopeFor, type CommandContext } from '../cases/command-context';
import { CommandResult } from '../cases/graphql/case.types';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CommandPath } from '../command/command-path';
import { CorrelationId, CurrentPrincipal } from '../auth/request-context';
import { ReadConsistency } from '../read-models/read-consistency';
import { RequestReadsProvider } from '../read-models/request-reads';
import { IsRegionPrefix, IsYearMonth } from '../validation/validators';

@InputType()
export class IssuePaymentRollInput {
  @Field({ description: 'region code prefix whose cases the roll covers (e.g. 3703 for Zibo)' })
  @IsRegionPrefix()
  regionCode: string;

  @Field({ description: 'YYYY-MM: a month that has begun (China time)' })
  @IsYearMonth()
  month: string;
}

export class IssuePaymentRollCommand extends Command<CommandResult> {
  constructor(
    readonly input: IssuePaymentRollInput,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/**
 * Freezes a month's roll for a prefix: the lines are computed from the read models once they hold
 * everything appended so far, then appended to the month's stream with its expected revision, so
 * of two overlapping issues (a double submit, two processes) one is written and the other is
 * refused with ROLL_ALREADY_ISSUED.
 */
@CommandHandler(IssuePaymentRollCommand)
export class IssuePaymentRollHandler implements ICommandHandler<IssuePaymentRollCommand> {
  constructor(
    private readonly path: CommandPath,
    private readonly rolls: PaymentRolls,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, ctx }: IssuePaymentRollCommand): Promise<CommandResult> {
    const { regionCode, month } = input;
    assertAllowed(ctx.principal, 'issuePaymentRoll', regionCode);
    const now = this.clock.now().toISOString();
    const command = (lines: IssuePaymentRoll['data']['lines']): IssuePaymentRoll => ({
      type: 'IssuePaymentRoll',
      actor: actorOf(ctx.principal),
      now,
      data: { regionCode, month, lines },
    });
    // refuse a month not begun before any work: the decider says it with no lines
    paymentRollDecider.decide(command([]), paymentRollDecider.initialState());
    await this.consistency.ensureCaughtUp();
    const roll = await this.rolls.roll(regionCode, month, {
      standards: await this.reads.standardLookup(),
    });
    if (roll.issued) throw new RollAlreadyIssued(month, roll.issued.regionCode);
    const outcome = await this.path.run(
      paymentRollStreamId(month),
      paymentRollDecider,
      command(roll.lines),
      envelopeFor(ctx, now),
    );
    return {
      caseId: null,
      revision: outcome.revision === 'no_stream' ? -1 : Number(outcome.revision),
      position: outcome.position ?? '0',
    };
  }
}

@Resolver()
export class IssuePaymentRollResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => CommandResult, {
    description:
      '发放花名册定稿 / freeze the roll of a month for a region prefix: what it pays never changes',
  })
  issuePaymentRoll(
    @Args('input') input: IssuePaymentRollInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CommandResult> {
    return this.commands.execute(new IssuePaymentRollCommand(input, { principal, correlationId }));
  }
}

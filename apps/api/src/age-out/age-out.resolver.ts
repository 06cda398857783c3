import { Args, ArgsType, Field, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/runtime/auth/principal';
import type { CommandContext } from '../cases/command-context';
import { AgeOutReviewResult } from '../cases/graphql/case.types';
import { GraphQLDate } from '../validation/scalars';
import { CorrelationId, CurrentPrincipal } from '../auth/request-context';
import { IsPastDate } from '../validation/validators';
import { AgeOutReviewService, type AgeOutReviewSummary } from './age-out-review.service';

export class RunAgeOutReviewCommand extends Command<AgeOutReviewSummary> {
  constructor(
    readonly asOf: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RunAgeOutReviewCommand)
export class RunAgeOutReviewHandler implements ICommandHandler<RunAgeOutReviewCommand> {
  constructor(private readonly review: AgeOutReviewService) {}

  execute({ asOf, ctx }: RunAgeOutReviewCommand): Promise<AgeOutReviewSummary> {
    return this.review.run(asOf, ctx);
  }
}

@ArgsType()
export class AgeOutReviewArgs {
  @Field(() => GraphQLDate, {
    description: 'the day reviewed: today (China time) or earlier, never ahead of it',
  })
  @IsPastDate()
  asOf: string;
}

@Resolver()
export class AgeOutResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => AgeOutReviewResult, {
    description: '满18周岁审核 / age-out review (also runs daily by itself)',
  })
  runAgeOutReview(
    @Args() { asOf }: AgeOutReviewArgs,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<AgeOutReviewSummary> {
    return this.commands.execute(new RunAgeOutReviewCommand(asOf, { principal, correlationId }));
  }
}

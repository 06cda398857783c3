import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  benefitStandardStreamId,
  parseYuan,
  standardDecider,
  startOfBusinessDay,
  type CasePolicy,
  type SetBenefitStandard,
} from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { CommandPath } from '../command/command-path';
import { actorOf, assertAllowed, envelopeFor, type CommandContext } from '../cases/command-context';
import { CommandResult } from '../cases/graphql/case.types';
import { SetBenefitStandardInput } from '../cases/inputs/case-inputs';
import { CorrelationId, CurrentPrincipal } from '../auth/request-context';
import { withArgumentPaths } from '../validation/argument-paths';

export class SetBenefitStandardCommand extends Command<CommandResult> {
  constructor(
    readonly data: SetBenefitStandard['data'],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Regional standards are their own streams (one per region prefix and category). */
@CommandHandler(SetBenefitStandardCommand)
export class SetBenefitStandardHandler implements ICommandHandler<SetBenefitStandardCommand> {
  private readonly decider: ReturnType<typeof standardDecider>;

  constructor(
    private readonly path: CommandPath,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_POLICY) policy: CasePolicy,
  ) {
    this.decider = standardDecider(policy);
  }

  async execute({ data, ctx }: SetBenefitStandardCommand): Promise<CommandResult> {
    assertAllowed(ctx.principal, 'setBenefitStandard', data.regionCode);
    const command: SetBenefitStandard = {
      type: 'SetBenefitStandard',
      actor: actorOf(ctx.principal),
      now: this.clock.now().toISOString(),
      data,
    };
    const stream = benefitStandardStreamId(data.regionCode, data.category);
    const outcome = await this.path.run(
      stream,
      this.decider,
      command,
      envelopeFor(ctx, startOfBusinessDay(data.effectiveFrom)),
    );
    return {
      caseId: null,
      revision: outcome.revision === 'no_stream' ? -1 : Number(outcome.revision),
      position: outcome.position ?? '0',
    };
  }
}

@Resolver()
export class BenefitStandardsResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => CommandResult, {
    description: '设定保障标准 / set a regional monthly standard from a date',
  })
  setBenefitStandard(
    @Args('input') { monthlyAmount, ...rest }: SetBenefitStandardInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CommandResult> {
    const data = { ...rest, monthlyAmountFen: parseYuan(monthlyAmount) };
    return withArgumentPaths('input', () =>
      this.commands.execute(new SetBenefitStandardCommand(data, { principal, correlationId })),
    );
  }
}

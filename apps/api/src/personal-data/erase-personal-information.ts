import { Inject, Module } from '@nestjs/common';
import {
  Command,
  CommandBus,
  CommandHandler,
  CqrsModule,
  type ICommandHandler,
} from '@nestjs/cqrs';
import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@app/domain';
import { READ_MODEL_STORE, type ReadModelStore } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { CaseCommandService } from '../cases/case-command.service';
import { caseStream } from '@app/runtime/streams/case-streams';
import type { CommandContext } from '../cases/command-context';
import { CommandResult } from '../cases/graphql/case.types';
import { CaseInput } from '../cases/inputs/case-inputs';
import { CasesModule } from '../cases/cases.module';
import { CorrelationId, CurrentPrincipal } from '../auth/request-context';
import { ReadConsistency } from '../read-models/read-consistency';
import { ReadModelsModule } from '../read-models/read-models.module';
import { withArgumentPaths } from '../validation/argument-paths';
import { IsText } from '../validation/validators';
import type { PersonalDataSealer } from '@app/runtime/personal-data/personal-data-sealer';
import { PERSONAL_DATA } from '@app/runtime/personal-data/personal-data.token';

@InputType()
export class ErasePersonalInformationInput extends CaseInput {
  @Field({ description: 'why (e.g. the retention period ended); names no person' })
  @IsText(TEXT_LIMITS.reason)
  reason: string;
}

export class ErasePersonalInformationCommand extends Command<CommandResult> {
  constructor(
    readonly input: ErasePersonalInformationInput,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/**
 * Crypto-shredding: records the erasure on the case (closed or aged-out only, ADMIN), destroys the
 * case's data keys, waits until the read models have projected the erasure (the case's rows then
 * hold no personal information), and purges what deletion leaves in the files. Every step may run
 * again: a retry after a failure records nothing new and completes the rest.
 */
@CommandHandler(ErasePersonalInformationCommand)
export class ErasePersonalInformationHandler implements ICommandHandler<ErasePersonalInformationCommand> {
  constructor(
    private readonly cases: CaseCommandService,
    private readonly consistency: ReadConsistency,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalDataSealer,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  async execute({ input, ctx }: ErasePersonalInformationCommand): Promise<CommandResult> {
    const { caseId, reason } = input;
    const result = await this.cases.execute(
      { type: 'ErasePersonalInformation', caseId, data: { reason } },
      ctx,
    );
    await this.personalData.destroy(caseStream(caseId));
    await this.personalData.purge();
    await this.consistency.ensureCaughtUp();
    await this.readModels.purgeDeleted();
    return { caseId, revision: result.revision, position: result.position };
  }
}

@Resolver()
export class ErasePersonalInformationResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => CommandResult, {
    description:
      '删除个人信息 / erase the personal information of a closed or aged-out case (ADMIN): ' +
      'its data key is destroyed and the read models purged; the history and its hashes remain',
  })
  erasePersonalInformation(
    @Args('input') input: ErasePersonalInformationInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CommandResult> {
    return withArgumentPaths('input', () =>
      this.commands.execute(
        new ErasePersonalInformationCommand(input, { principal, correlationId }),
      ),
    );
  }
}

@Module({
  imports: [CqrsModule, CasesModule, ReadModelsModule],
  providers: [ErasePersonalInformationHandler, ErasePersonalInformationResolver],
})
export class PersonalDataModule {}

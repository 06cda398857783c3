import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandService, type CaseCommandResult } from '../case-command.service';
import { ExecuteCaseCommand, IdentifyChildCommand } from './case.commands';

@CommandHandler(IdentifyChildCommand)
export class IdentifyChildHandler implements ICommandHandler<IdentifyChildCommand> {
  constructor(private readonly cases: CaseCommandService) {}

  execute({ data, ctx }: IdentifyChildCommand): Promise<CaseCommandResult> {
    return this.cases.identify(data, ctx);
  }
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand> {
  constructor(private readonly cases: CaseCommandService) {}

  execute({ command, ctx }: ExecuteCaseCommand): Promise<CaseCommandResult> {
    return this.cases.execute(command, ctx);
  }
}

import { Command } from '@nestjs/cqrs';
import type { IdentifyChild } from '@app/domain';
import type { CaseCommandInput, CaseCommandResult } from '../case-command.service';
import type { CommandContext } from '../command-context';

/** @nestjs/cqrs messages: plain carriers of a domain command and its request context. */
export class IdentifyChildCommand extends Command<CaseCommandResult> {
  constructor(
    readonly data: IdentifyChild['data'],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class ExecuteCaseCommand extends Command<CaseCommandResult> {
  constructor(
    readonly command: CaseCommandInput,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

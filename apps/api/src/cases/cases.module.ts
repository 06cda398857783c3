import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandPath } from '../command/command-path';
import { CorrectionTargets } from '../audit/correction-targets';
import { CaseCommandService } from './case-command.service';
import { CaseMutationsResolver } from './case-mutations.resolver';
import { ChildInfoResolver, GuardianInfoResolver } from './child-info.resolver';
import { ExecuteCaseCommandHandler, IdentifyChildHandler } from './commands/case-command.handlers';
import { IdentityReservations } from './identity-reservations';
import { StandardsView } from './standards.view';

@Module({
  imports: [CqrsModule],
  providers: [
    CommandPath,
    CaseCommandService,
    IdentityReservations,
    StandardsView,
    CorrectionTargets,
    IdentifyChildHandler,
    ExecuteCaseCommandHandler,
    CaseMutationsResolver,
    ChildInfoResolver,
    GuardianInfoResolver,
  ],
  exports: [CommandPath, CaseCommandService, IdentityReservations, StandardsView],
})
export class CasesModule {}

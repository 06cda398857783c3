import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from '../cases/cases.module';
import { IssuePaymentRollHandler, IssuePaymentRollResolver } from './issue-payment-roll';

/** issuePaymentRoll (the rolls' reads are the read models'). */
@Module({
  imports: [CqrsModule, CasesModule],
  providers: [IssuePaymentRollHandler, IssuePaymentRollResolver],
})
export class RollsModule {}

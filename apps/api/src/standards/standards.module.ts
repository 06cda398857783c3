import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from '../cases/cases.module';
import { BenefitStandardsResolver, SetBenefitStandardHandler } from './set-benefit-standard';

/** setBenefitStandard: regional standards are their own streams, on the cases' command path. */
@Module({
  imports: [CqrsModule, CasesModule],
  providers: [SetBenefitStandardHandler, BenefitStandardsResolver],
})
export class StandardsModule {}

import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from '../cases/cases.module';
import { AgeOutReviewService } from './age-out-review.service';
import { AgeOutResolver, RunAgeOutReviewHandler } from './age-out.resolver';
import { CaseDirectory } from './case-directory';

@Module({
  imports: [CqrsModule, CasesModule],
  providers: [CaseDirectory, AgeOutReviewService, RunAgeOutReviewHandler, AgeOutResolver],
})
export class AgeOutModule {}

import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { CaseAudit } from './case-audit.service';
import { CheckpointService } from './integrity/checkpoint.service';

/**
 * caseHistory, caseAsOf, verifyCaseHistory, accessLog (the access log itself: AccessLogModule;
 * KnownStandards comes from the global ReadModelsModule, which the rolls' knownAt shares), and
 * the signed checkpoints of the logs (integrity/).
 */
@Module({
  providers: [CaseAudit, AuditResolver, CheckpointService],
})
export class AuditModule {}

import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { CaseAudit } from './case-audit.service';

/**
 * caseHistory, caseAsOf, verifyCaseHistory, accessLog (the access log itself: AccessLogModule;
 * KnownStandards comes from the global ReadModelsModule, which the rolls' knownAt shares).
 */
@Module({
  providers: [CaseAudit, AuditResolver],
})
export class AuditModule {}

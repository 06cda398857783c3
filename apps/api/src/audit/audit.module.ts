import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { CaseAudit } from './case-audit.service';
import { KnownStandards } from './known-standards';

/** caseHistory, caseAsOf, verifyCaseHistory, accessLog (the access log itself: AccessLogModule). */
@Module({
  providers: [CaseAudit, KnownStandards, AuditResolver],
})
export class AuditModule {}

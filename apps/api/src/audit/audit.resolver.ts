import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, IsOptional } from 'class-validator';
import type { Principal } from '../auth/principal';
import { Case } from '../cases/graphql/case.types';
import { CurrentPrincipal } from '../graphql/request-context';
import { GraphQLDateTime } from '../graphql/scalars';
import { IsDateTimeWithOffset, IsPastDateTime } from '../validation/validators';
import { CaseAudit } from './case-audit.service';
import { AccessLogEntry, CaseHistoryEvent, HistoryVerification } from './graphql/audit.types';

const CONSISTENT_WITH = {
  nullable: true,
  type: () => String,
  description: 'accepted for uniformity: the audit reads the event log itself, always current',
};

@ArgsType()
export class CaseAsOfArgs {
  @Field(() => ID)
  @Allow()
  caseId: string;

  @Field(() => GraphQLDateTime, {
    description: 'business time; may lie ahead (what is scheduled then: an act effective later)',
  })
  @IsDateTimeWithOffset()
  at: string;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'what the system knew at this moment (default now); not in the future',
  })
  @IsOptional()
  @IsPastDateTime()
  knownAt?: string | null;

  @Field(() => String, CONSISTENT_WITH)
  @Allow()
  consistentWith?: string | null;
}

/** The audit queries of CONTRACT.md (auditors and admins). */
@Resolver()
export class AuditResolver {
  constructor(private readonly audit: CaseAudit) {}

  @Query(() => [CaseHistoryEvent], {
    description: '个案完整历史 / every event of a case, oldest first, personal information masked',
  })
  caseHistory(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('consistentWith', CONSISTENT_WITH) _consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseHistoryEvent[]> {
    return this.audit.history(principal, caseId);
  }

  @Query(() => Case, {
    nullable: true,
    description:
      '某时点的个案 / the case at business time `at` as known at `knownAt` (default now); null before it existed',
  })
  caseAsOf(
    @Args() { caseId, at, knownAt }: CaseAsOfArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case | null> {
    return this.audit.asOf(principal, caseId, at, knownAt ?? null);
  }

  @Query(() => HistoryVerification, {
    description: '校验哈希链 / recompute the hash chain and name the first broken revision',
  })
  verifyCaseHistory(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('consistentWith', CONSISTENT_WITH) _consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HistoryVerification> {
    return this.audit.verify(principal, caseId);
  }

  @Query(() => [AccessLogEntry], {
    description: "个人信息访问记录 / every read of the child's name or ID number, oldest first",
  })
  accessLog(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('consistentWith', CONSISTENT_WITH) _consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccessLogEntry[]> {
    return this.audit.accessLogOf(principal, caseId);
  }
}

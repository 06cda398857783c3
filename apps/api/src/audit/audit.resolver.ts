import { Args, ArgsType, Field, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow, IsOptional } from 'class-validator';
import { MESSAGES } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { Case } from '../cases/graphql/case.types';
import { BadUserInput } from '@app/runtime/errors/app-errors';
import { DEFAULT_LIMITS } from '@app/runtime/config/graphql-limits';
import { CurrentPrincipal } from '../auth/request-context';
import { GraphQLDateTime } from '../validation/scalars';
import { IsDateTimeWithOffset, IsPastDateTime } from '../validation/validators';
import { CaseAudit } from './case-audit.service';
import { AccessLogEntry, CaseHistoryEvent, HistoryVerification } from './graphql/audit.types';

const CONSISTENT_WITH = {
  nullable: true,
  type: () => String,
  description: 'accepted for uniformity: the audit reads the event log itself, always current',
};

/** Entries of a history or an access log on one page (the largest page GraphQL allows). */
export const AUDIT_PAGE = DEFAULT_LIMITS.maxPageSize;

const FIRST = {
  type: () => Int,
  nullable: true,
  defaultValue: AUDIT_PAGE,
  description: `entries on the page, 1 to GRAPHQL_MAX_PAGE_SIZE (default ${AUDIT_PAGE})`,
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
    description:
      '个案完整历史 / the events of a case, oldest first, personal information masked, a page at a time (`first`, `afterRevision`)',
  })
  async caseHistory(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('consistentWith', CONSISTENT_WITH) _consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
    @Args('first', FIRST) first: number | null,
    @Args('afterRevision', {
      type: () => Int,
      nullable: true,
      description: 'the revision of the last event already seen: the page starts after it',
    })
    afterRevision: number | null,
  ): Promise<CaseHistoryEvent[]> {
    const events = await this.audit.history(principal, caseId);
    const from =
      afterRevision === null || afterRevision === undefined
        ? 0
        : events.findIndex((e) => e.revision > afterRevision);
    return from < 0 ? [] : events.slice(from, from + (first ?? AUDIT_PAGE));
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
    description:
      "个人信息访问记录 / every read of the child's name or ID number, oldest first, a page at a time (`first`, `offset`)",
  })
  async accessLog(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('consistentWith', CONSISTENT_WITH) _consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
    @Args('first', FIRST) first: number | null,
    @Args('offset', {
      type: () => Int,
      nullable: true,
      defaultValue: 0,
      description: 'entries already seen (the log only grows: an offset stays put)',
    })
    offset: number | null,
  ): Promise<AccessLogEntry[]> {
    if (typeof offset === 'number' && offset < 0)
      throw new BadUserInput([{ field: 'offset', message: MESSAGES.offset }]);
    const entries = await this.audit.accessLogOf(principal, caseId);
    const from = offset ?? 0;
    return entries.slice(from, from + (first ?? AUDIT_PAGE));
  }
}

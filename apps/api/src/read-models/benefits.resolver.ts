import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReadModelQueries } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { assertAllowed } from '../cases/command-context';
import { BenefitEntitlement } from '../cases/graphql/case.types';
import { CaseNotFound } from '@app/runtime/errors/app-errors';
import { CurrentPrincipal } from '../auth/request-context';
import { toBenefitEntitlement } from '../cases/case-view';
import { BenefitsArgs } from './graphql/read-model.args';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

@Resolver()
export class BenefitsResolver {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
  ) {}

  @Query(() => [BenefitEntitlement], { description: '保障待遇 / programmes in force on a date' })
  async benefits(
    @Args() { caseId, on, consistentWith }: BenefitsArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BenefitEntitlement[]> {
    assertAllowed(principal, 'benefits');
    await this.consistency.ensure(consistentWith);
    const standards = await this.reads.standardLookup();
    const found = await this.queries.benefitsOn(caseId, on ?? this.reads.today(), standards);
    if (found === null) throw new CaseNotFound();
    assertAllowed(principal, 'benefits', found.regionCode);
    return found.entitlements.map(toBenefitEntitlement);
  }
}

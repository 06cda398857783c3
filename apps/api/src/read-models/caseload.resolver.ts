import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReadModelQueries } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { assertAllowed } from '../cases/command-context';
import { CurrentPrincipal } from '../auth/request-context';
import { scopeOf } from './reader-scope';
import { Caseload } from './graphql/read-model.types';
import { CaseloadArgs } from './graphql/read-model.args';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

@Resolver()
export class CaseloadResolver {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
  ) {}

  @Query(() => Caseload, { description: '工作台账 / open cases, overdue visits, turning 18 soon' })
  async caseload(
    @Args() { regionCode, caseworkerId, asOf, consistentWith }: CaseloadArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Caseload> {
    assertAllowed(principal, 'caseload', ...(regionCode ? [regionCode] : []));
    await this.consistency.ensure(consistentWith);
    const day = asOf ?? this.reads.today();
    const view = await this.queries.caseload({
      regions: regionCode ? [regionCode] : scopeOf(principal),
      caseworkerId: caseworkerId ?? undefined,
      asOf: day,
    });
    return { ...view, asOf: day };
  }
}

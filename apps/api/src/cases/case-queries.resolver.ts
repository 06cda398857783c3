import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ReadModelQueries } from '@app/read-models';
import type { Principal } from '../auth/principal';
import { CaseNotFound } from '../errors/app-errors';
import { CurrentPrincipal } from '../graphql/request-context';
import { caseOfRow } from '../read-models/case-of-row';
import { ReadConsistency } from '../read-models/read-consistency';
import { assertAllowed } from './command-context';
import { Case } from './graphql/case.types';

/** `case(id)` from the case-summary read model (its programmes: CasesResolver.programmes). */
@Resolver(() => Case)
export class CaseQueriesResolver {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ReadConsistency,
  ) {}

  @Query(() => Case, { description: '个案 / one case, as it stands now' })
  async case(
    @Args('id', { type: () => ID }) id: string,
    @Args('consistentWith', { nullable: true, type: () => String }) consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    assertAllowed(principal, 'case');
    await this.consistency.ensure(consistentWith);
    const row = await this.queries.caseById(id);
    if (row === null) throw new CaseNotFound();
    assertAllowed(principal, 'case', row.regionCode);
    return caseOfRow(row);
  }
}

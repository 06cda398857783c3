import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ReadModelQueries } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { CaseNotFound } from '@app/runtime/errors/app-errors';
import { PlainQueries } from '../graphql/plain-queries';
import { CurrentPrincipal } from '../auth/request-context';
import { CaseReadCache } from './case-read-cache';
import type { CasePolicy } from '@app/domain';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { CaseViews } from './case-views';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';
import { assertAllowed } from '../cases/command-context';
import { Case } from '../cases/graphql/case.types';

/**
 * `case(id)` from the folded case the read model keeps (or from the CaseReadCache while the case
 * has not changed), shaped as in force today by CaseViews through the timeline (once per read and
 * day). Answered as a plain query (PlainQueries): the case screen is the most frequent request.
 */
@Resolver(() => Case)
export class CaseQueriesResolver {
  private readonly views: CaseViews;

  constructor(
    private readonly queries: ReadModelQueries,
    private readonly cache: CaseReadCache,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
    plainQueries: PlainQueries,
    @Inject(CASE_POLICY) policy: CasePolicy,
  ) {
    this.views = new CaseViews(policy);
    plainQueries.register<CaseArgs>('case', (_root, { id, consistentWith }, context) => {
      const principal = context.principal();
      const at = consistentWith ?? null;
      return this.caseNow(id, at, principal) ?? this.case(id, at, principal);
    });
  }

  @Query(() => Case, { description: '个案 / one case, as in force today' })
  async case(
    @Args('id', { type: () => ID }) id: string,
    @Args('consistentWith', { nullable: true, type: () => String }) consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    assertAllowed(principal, 'case');
    await this.consistency.ensure(consistentWith);
    const found = await this.cache.get(id, (caseId) => this.queries.caseState(caseId));
    if (found === null) throw new CaseNotFound();
    assertAllowed(principal, 'case', found.state.regionCode);
    return this.views.of(found, this.reads.today(), await this.reads.standardLookup());
  }

  /**
   * The same answer without a promise when nothing needs waiting for or reading: no
   * `consistentWith`, the known head projected, the case cached and the standards read at this
   * checkpoint (most reads); else undefined, and `case` answers. The same checks in the same order.
   */
  private caseNow(
    id: string,
    consistentWith: string | null,
    principal: Principal,
  ): Case | undefined {
    assertAllowed(principal, 'case');
    if (consistentWith !== null || !this.consistency.settledNow()) return undefined;
    const standards = this.reads.standardLookupNow();
    const found = standards && this.cache.peek(id);
    if (!found) return undefined;
    assertAllowed(principal, 'case', found.state.regionCode);
    return this.views.of(found, this.reads.today(), standards);
  }
}

interface CaseArgs {
  id: string;
  consistentWith?: string | null;
}

import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { InvalidCursor, ReadModelQueries } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { assertAllowed } from '../cases/command-context';
import { Case } from '../cases/graphql/case.types';
import { BadUserInput } from '@app/runtime/errors/app-errors';
import { CurrentPrincipal } from '../auth/request-context';
import type { CasePolicy } from '@app/domain';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { CaseViews } from './case-views';
import { scopeOf } from './reader-scope';
import { CaseConnection } from './graphql/read-model.types';
import { CasesArgs, DEFAULT_PAGE } from './graphql/read-model.args';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

/**
 * `cases`: a page of cases filtered by their status and categories of today, each shown as in
 * force today (the folded cases of the page in one read, shaped through the timeline).
 */
@Resolver(() => Case)
export class CasesResolver {
  private readonly views: CaseViews;

  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
    @Inject(CASE_POLICY) policy: CasePolicy,
  ) {
    this.views = new CaseViews(policy);
  }

  @Query(() => CaseConnection, {
    description:
      "个案列表 / cases in the reader's regions, filtered by what holds today (the overdue and turning-18 filters by their own days), in region order or `orderBy`",
  })
  async cases(
    @Args() { filter, first, after, orderBy, consistentWith }: CasesArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseConnection> {
    assertAllowed(principal, 'cases', ...(filter?.regionCode ? [filter.regionCode] : []));
    await this.consistency.ensure(consistentWith);
    const { regionCode, ...rest } = filter ?? {};
    const today = this.reads.today();
    const page = await this.queries
      .cases({
        ...rest,
        on: today,
        regions: regionCode ? [regionCode] : scopeOf(principal),
        first: first ?? DEFAULT_PAGE,
        after,
        orderBy: orderBy ?? null,
      })
      .catch((error: unknown) => {
        if (error instanceof InvalidCursor)
          throw new BadUserInput([{ field: 'after', message: error.message }]);
        throw error;
      });
    const [states, lookup] = await Promise.all([
      this.queries.caseStates(page.rows.map((r) => r.caseId)),
      this.reads.standardLookup(),
    ]);
    const edges = page.rows.flatMap((row, i) => {
      const found = states.get(row.caseId);
      // a row without its fold cannot be: both commit in one transaction
      return found ? [{ node: this.views.of(found, today, lookup), cursor: page.cursors[i] }] : [];
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors.at(-1) ?? null,
      },
      totalCount: page.totalCount,
    };
  }
}

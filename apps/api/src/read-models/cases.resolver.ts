import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadModelQueries } from '@app/read-models';
import { enrolmentViews, InvalidCursor } from '@app/read-models';
import { DEFAULT_POLICY } from '@app/domain';
import type { Principal } from '../auth/principal';
import { assertAllowed } from '../cases/command-context';
import { BenefitEntitlement, Case } from '../cases/graphql/case.types';
import { BadUserInput } from '../errors/app-errors';
import { CurrentPrincipal } from '../graphql/request-context';
import { caseOfRow, entitlementOf, scopeOf } from './case-of-row';
import { CaseConnection } from './graphql/read-model.types';
import { CasesArgs, DEFAULT_PAGE } from './graphql/read-model.args';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

@Resolver(() => Case)
export class CasesResolver {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
  ) {}

  @Query(() => CaseConnection, {
    description: "个案列表 / cases in the reader's regions, filtered",
  })
  async cases(
    @Args() { filter, first, after, consistentWith }: CasesArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseConnection> {
    assertAllowed(principal, 'cases', ...(filter?.regionCode ? [filter.regionCode] : []));
    await this.consistency.ensure(consistentWith);
    const { regionCode, ...rest } = filter ?? {};
    const page = await this.queries
      .cases({
        ...rest,
        regions: regionCode ? [regionCode] : scopeOf(principal),
        first: first ?? DEFAULT_PAGE,
        after,
      })
      .catch((error: unknown) => {
        if (error instanceof InvalidCursor)
          throw new BadUserInput([{ field: 'after', message: error.message }]);
        throw error;
      });
    return {
      edges: page.rows.map((row, i) => ({ node: caseOfRow(row), cursor: page.cursors[i] })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors.at(-1) ?? null,
      },
      totalCount: page.totalCount,
    };
  }

  /**
   * Every case of a request gets its programmes from one batched read (DataLoader). No parameter
   * decorators on purpose: @nestjs/graphql then binds this method as the plain GraphQL resolver
   * (root, args, context) instead of wrapping it in Nest's per-call context creator (pipes on each
   * argument), which cost as much as the rest of the field on the case screen. Nothing here needs
   * an enhancer: field resolvers get no guards, interceptors or filters in this app.
   */
  @ResolveField(() => [BenefitEntitlement], {
    description: 'every enrolment; monthly amounts at the standard of today (or of its last day)',
  })
  programmes(
    parent: Case,
    _args: unknown,
    context: object,
  ): BenefitEntitlement[] | Promise<BenefitEntitlement[]> {
    // `case(id)` answers with them shaped already (CaseViews): no promise to wait for
    return parent.programmes ?? this.loadProgrammes(parent, context);
  }

  private async loadProgrammes(parent: Case, context: object): Promise<BenefitEntitlement[]> {
    const reads = this.reads.of(context);
    const [rows, lookup] = await Promise.all([
      reads.programmes.load(parent.id),
      reads.standardLookup(),
    ]);
    return enrolmentViews(parent, rows, reads.today, lookup, DEFAULT_POLICY).map(entitlementOf);
  }
}

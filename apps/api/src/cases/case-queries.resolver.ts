import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '../auth/principal';
import { CaseNotFound } from '../errors/app-errors';
import { CurrentPrincipal } from '../graphql/request-context';
import { CaseCommandService } from './case-command.service';
import { toCaseView } from './case-view';
import { assertAllowed } from './command-context';
import { Case } from './graphql/case.types';
import { StandardsView } from './standards.view';

const today = (): string => new Date().toISOString().slice(0, 10);

@Resolver(() => Case)
export class CaseQueriesResolver {
  constructor(
    private readonly cases: CaseCommandService,
    private readonly standards: StandardsView,
  ) {}

  @Query(() => Case, { description: '个案 / one case, as it stands now' })
  async case(
    @Args('id', { type: () => ID }) id: string,
    @Args('consistentWith', { nullable: true, type: () => String }) _consistentWith: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    assertAllowed(principal, 'case');
    const { state, revision } = await this.cases.load(id);
    if (state.status === 'NONE') throw new CaseNotFound();
    assertAllowed(principal, 'case', state.regionCode);
    return toCaseView(state, revision, await this.standards.lookup(), today());
  }
}

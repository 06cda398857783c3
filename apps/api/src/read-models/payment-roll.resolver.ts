import { Args, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  getArgumentValues,
  getNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import { formatYuan } from '@app/domain';
import type { RollLine } from '@app/read-models';
import type { Principal } from '../auth/principal';
import { assertAllowed } from '../cases/command-context';
import { BadUserInput } from '../errors/app-errors';
import { CurrentPrincipal } from '../graphql/request-context';
import { DEFAULT_ROLL_PAGE, PaymentRollArgs, RollLinesArgs } from './graphql/read-model.args';
import { PaymentLine, PaymentRoll } from './graphql/read-model.types';
import { HeavyReads, type RollQuery } from './heavy-reads/heavy-reads';
import { InvalidRollCursor } from './heavy-reads/roll-pages';
import { ReadConsistency } from './read-consistency';

type LinesPage = { first: number; after: string | null };
/** The roll as resolved, with what its `lines` field needs to ask for another page. */
type ResolvedRoll = PaymentRoll & {
  ask: { principal: Principal; query: RollQuery; page: LinesPage };
};

const lineOf = ({ amountFen, ...line }: RollLine): PaymentLine => ({
  ...line,
  amount: formatYuan(amountFen),
});

/** The page the first `lines` selection asks for (its arguments, literal or from variables). */
function linesPageOf(info: GraphQLResolveInfo): LinesPage {
  const field = info.fieldNodes[0].selectionSet?.selections.find(
    (s) => s.kind === 'Field' && s.name.value === 'lines',
  );
  const definition = getNamedType(info.returnType) as GraphQLObjectType;
  if (!field || field.kind !== 'Field') return { first: DEFAULT_ROLL_PAGE, after: null };
  const args = getArgumentValues(definition.getFields().lines, field, info.variableValues);
  return {
    first: (args.first as number | null) ?? DEFAULT_ROLL_PAGE,
    after: (args.after as string | null) ?? null,
  };
}

@Resolver(() => PaymentRoll)
export class PaymentRollResolver {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly heavy: HeavyReads,
  ) {}

  @Query(() => PaymentRoll, { description: '发放花名册 / who is paid how much in a month' })
  async paymentRoll(
    @Args() { regionCode, month, consistentWith }: PaymentRollArgs,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResolvedRoll> {
    assertAllowed(principal, 'paymentRoll', regionCode);
    await this.consistency.ensure(consistentWith);
    const query: RollQuery = { regionCode, regions: [regionCode], month };
    const page = linesPageOf(info);
    const roll = await pageOf(this.heavy, principal, query, page);
    return {
      regionCode,
      month,
      count: roll.count,
      children: roll.children,
      total: formatYuan(roll.totalFen),
      lines: roll.page.lines.map(lineOf),
      linesPageInfo: {
        hasNextPage: roll.page.hasNextPage,
        hasPreviousPage: roll.page.hasPreviousPage,
        startCursor: roll.page.startCursor,
        endCursor: roll.page.endCursor,
      },
      ask: { principal, query, page },
    };
  }

  /** The page read with the roll, or, asked again with other arguments, another page. */
  @ResolveField(() => [PaymentLine])
  async lines(
    @Parent() roll: ResolvedRoll,
    @Args() { first, after }: RollLinesArgs,
  ): Promise<PaymentLine[]> {
    const page = { first: first ?? DEFAULT_ROLL_PAGE, after: after ?? null };
    if (page.first === roll.ask.page.first && page.after === roll.ask.page.after) return roll.lines;
    const other = await pageOf(this.heavy, roll.ask.principal, roll.ask.query, page);
    return other.page.lines.map(lineOf);
  }
}

async function pageOf(heavy: HeavyReads, principal: Principal, query: RollQuery, page: LinesPage) {
  try {
    return await heavy.rollPage(principal, query, page.first, page.after);
  } catch (error) {
    if (error instanceof InvalidRollCursor)
      throw new BadUserInput([{ field: 'after', message: error.message }]);
    throw error;
  }
}

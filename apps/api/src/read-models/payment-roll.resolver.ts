import { Args, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  getArgumentValues,
  getNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from 'graphql';
import { formatYuan, MESSAGES, type RollLine } from '@app/domain';
import { PaymentRolls } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { assertAllowed } from '../cases/command-context';
import { BadUserInput } from '@app/runtime/errors/app-errors';
import { CurrentPrincipal } from '../auth/request-context';
import { DEFAULT_ROLL_PAGE, PaymentRollArgs, RollLinesArgs } from './graphql/read-model.args';
import { PaymentLine, PaymentRoll } from './graphql/read-model.types';
import { HeavyReads } from './heavy-reads/heavy-reads';
import { InvalidRollCursor, keyedLines, rollPage } from './heavy-reads/roll-pages';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

type LinesPage = { first: number; after: string | null };
type RollAsked = { regionCode: string; month: string; knownAt: string | null };
/** The roll as resolved, with what its `lines` field needs to ask for another page. */
type ResolvedRoll = PaymentRoll & {
  ask: { principal: Principal; query: RollAsked; page: LinesPage };
};

const lineOf = ({
  caseId,
  regionCode,
  programme,
  reason,
  forMonth,
  amountFen,
}: RollLine): PaymentLine => ({
  caseId,
  regionCode,
  programme,
  reason,
  forMonth,
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
    private readonly rolls: PaymentRolls,
    private readonly reads: RequestReadsProvider,
  ) {}

  @Query(() => PaymentRoll, {
    description:
      '发放花名册 / who is paid how much in a month: frozen once issued, else as known now (or at knownAt)',
  })
  async paymentRoll(
    @Args() { regionCode, month, knownAt, consistentWith }: PaymentRollArgs,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResolvedRoll> {
    assertAllowed(principal, 'paymentRoll', regionCode);
    // what the system knew at a moment that has not come has no answer yet (as caseAsOf)
    if (knownAt && Date.parse(knownAt) > this.reads.now().getTime())
      throw new BadUserInput([{ field: 'knownAt', message: MESSAGES.notInFuture }]);
    await this.consistency.ensure(consistentWith);
    const query: RollAsked = { regionCode, month, knownAt: knownAt ?? null };
    const page = linesPageOf(info);
    const roll = await this.pageOf(principal, query, page);
    return {
      regionCode,
      month,
      issued: roll.issued !== null,
      issuedAt: roll.issued?.issuedAt ?? null,
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
    const other = await this.pageOf(roll.ask.principal, roll.ask.query, page);
    return other.page.lines.map(lineOf);
  }

  /**
   * A page of the roll: from the roll worker, or, as known at a past moment (an audit's rare
   * question, which reads the cases' streams from the log), computed here.
   */
  private async pageOf(principal: Principal, query: RollAsked, page: LinesPage) {
    try {
      if (query.knownAt === null)
        return await this.heavy.rollPage(principal, query, page.first, page.after);
      const roll = await this.rolls.roll(query.regionCode, query.month, {
        knownAt: query.knownAt,
      });
      const summary = {
        count: roll.lines.length,
        totalFen: roll.totalFen,
        children: roll.children,
      };
      return {
        ...summary,
        issued: roll.issued,
        page: rollPage(keyedLines(roll.lines), page.first, page.after),
      };
    } catch (error) {
      if (error instanceof InvalidRollCursor)
        throw new BadUserInput([{ field: 'after', message: error.message }]);
      throw error;
    }
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { formatYuan } from '@app/domain';
import { ReadModelQueries } from '@app/read-models';
import type { Principal } from '../auth/principal';
import { assertAllowed } from '../cases/command-context';
import { BenefitEntitlement } from '../cases/graphql/case.types';
import { CaseNotFound } from '../errors/app-errors';
import { CurrentPrincipal } from '../graphql/request-context';
import { toBenefitEntitlement } from '../cases/case-view';
import { PaymentRoll } from './graphql/read-model.types';
import { BenefitsArgs, PaymentRollArgs } from './graphql/read-model.args';
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

  @Query(() => PaymentRoll, { description: '发放花名册 / who is paid how much in a month' })
  async paymentRoll(
    @Args() { regionCode, month, consistentWith }: PaymentRollArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentRoll> {
    return paymentRollOf(
      this.queries,
      this.consistency,
      principal,
      regionCode,
      month,
      consistentWith,
    );
  }
}

/** The roll as GraphQL and the CSV export show it (same authorisation, same figures). */
export async function paymentRollOf(
  queries: ReadModelQueries,
  consistency: ReadConsistency,
  principal: Principal,
  regionCode: string,
  month: string,
  consistentWith?: string | null,
): Promise<PaymentRoll> {
  assertAllowed(principal, 'paymentRoll', regionCode);
  await consistency.ensure(consistentWith);
  const roll = await queries.paymentRoll([regionCode], month);
  return {
    regionCode,
    month,
    count: roll.lines.length,
    children: roll.children,
    total: formatYuan(roll.totalFen),
    lines: roll.lines.map((l) => ({
      caseId: l.caseId,
      regionCode: l.regionCode,
      programme: l.programme,
      amount: formatYuan(l.amountFen),
      reason: l.reason,
      forMonth: l.forMonth,
    })),
  };
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { formatYuan, parseYuan, withOverrides } from '@app/domain';
import { PaymentRolls } from '@app/read-models';
import type { Principal } from '../auth/principal';
import { assertAllowed } from '../cases/command-context';
import { CurrentPrincipal } from '../graphql/request-context';
import { PaymentForecast, PaymentForecastArgs } from './graphql/forecast.types';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

@Resolver()
export class PaymentForecastResolver {
  constructor(
    private readonly rolls: PaymentRolls,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
  ) {}

  @Query(() => PaymentForecast, {
    description:
      '经费预测 / what the rolls would pay month by month for the cases known now: 18th birthdays, expected graduations (and their grants), hypothetical standards',
  })
  async paymentForecast(
    @Args() { regionCode, fromMonth, months, standards, consistentWith }: PaymentForecastArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentForecast> {
    assertAllowed(principal, 'paymentForecast', regionCode);
    await this.consistency.ensure(consistentWith);
    const overrides = (standards ?? []).map((s) => ({
      category: s.category,
      monthlyAmountFen: parseYuan(s.monthlyAmount),
      effectiveFrom: s.effectiveFrom,
    }));
    const lookup = withOverrides(await this.reads.standardLookup(), overrides);
    const forecast = await this.rolls.forecast(regionCode, fromMonth, months, lookup);
    return {
      regionCode,
      months: forecast.months.map((m) => ({
        month: m.month,
        count: m.count,
        total: formatYuan(m.totalFen),
      })),
      total: formatYuan(forecast.totalFen),
    };
  }
}

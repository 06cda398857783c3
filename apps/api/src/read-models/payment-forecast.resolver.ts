import { Args, Query, Resolver } from '@nestjs/graphql';
import { formatYuan, parseYuan } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { assertAllowed } from '../cases/command-context';
import { CurrentPrincipal } from '../auth/request-context';
import { PaymentForecast, PaymentForecastArgs } from './graphql/forecast.types';
import { HeavyReads } from './heavy-reads/heavy-reads';
import { ReadConsistency } from './read-consistency';

@Resolver()
export class PaymentForecastResolver {
  constructor(
    private readonly consistency: ReadConsistency,
    private readonly heavy: HeavyReads,
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
    // on the roll worker, in turn with the rolls (a forecast is twelve rolls or more)
    const forecast = await this.heavy.forecast(principal, {
      regionCode,
      fromMonth,
      months,
      overrides,
    });
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

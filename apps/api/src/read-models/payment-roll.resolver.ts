import { Args, Query, Resolver } from '@nestjs/graphql';
import { PaymentRolls } from '@app/read-models';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal } from '../graphql/request-context';
import { PaymentRoll } from './graphql/read-model.types';
import { PaymentRollArgs } from './graphql/read-model.args';
import { paymentRollOf } from './payment-roll.view';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

@Resolver()
export class PaymentRollResolver {
  constructor(
    private readonly rolls: PaymentRolls,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
  ) {}

  @Query(() => PaymentRoll, {
    description:
      '发放花名册 / who is paid how much in a month: frozen once issued, else as known now (or at knownAt)',
  })
  paymentRoll(
    @Args() args: PaymentRollArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentRoll> {
    return paymentRollOf(
      this.rolls,
      this.consistency,
      principal,
      () => this.reads.standardLookup(),
      args,
      this.reads.now(),
    );
  }
}

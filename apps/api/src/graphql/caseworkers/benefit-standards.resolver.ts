import { ArgsType, Field, ObjectType, Query, Resolver, Args } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { formatYuan, type ChildCategory } from '@app/domain';
import { ReadModelQueries } from '@app/read-models';
import type { Principal } from '@app/runtime/auth/principal';
import { assertAllowed } from '../../cases/command-context';
import { ChildCategoryEnum } from '../../cases/graphql/enums';
import { CurrentPrincipal } from '../../auth/request-context';
import { GraphQLDate } from '../../validation/scalars';
import { IsRegionPrefix } from '../../validation/validators';
import { ConsistentArgs } from '../../read-models/graphql/read-model.args';
import { ReadConsistency } from '../../read-models/read-consistency';
import { scopeOf } from '../../read-models/reader-scope';

@ObjectType({ description: '保障标准 / a monthly standard as set, from its date' })
export class BenefitStandardView {
  @Field({ description: 'the region prefix it was set for' }) regionCode: string;
  @Field(() => ChildCategoryEnum) category: ChildCategory;
  @Field({ description: 'yuan a month, e.g. "1978.00"' }) monthlyAmount: string;
  @Field(() => GraphQLDate) effectiveFrom: string;
}

@ArgsType()
export class BenefitStandardsArgs extends ConsistentArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "region code prefix: the standards set for it, for a region holding it, or inside it; default the reader's regions",
  })
  @IsOptional()
  @IsRegionPrefix()
  regionCode?: string | null;
}

/** `benefitStandards`: what the bureaus set, so a bureau sees its own and the ones above it. */
@Resolver()
export class BenefitStandardsQueryResolver {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly consistency: ReadConsistency,
  ) {}

  @Query(() => [BenefitStandardView], {
    description:
      '保障标准 / the standards set, by region, category and date (for one prefix, category and date: the one set last)',
  })
  async benefitStandards(
    @Args() { regionCode, consistentWith }: BenefitStandardsArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BenefitStandardView[]> {
    assertAllowed(principal, 'benefitStandards', ...(regionCode ? [regionCode] : []));
    await this.consistency.ensure(consistentWith);
    const rows = await this.queries.benefitStandards(
      regionCode ? [regionCode] : scopeOf(principal),
    );
    return rows.map((r) => ({
      regionCode: r.regionCode,
      category: r.category,
      monthlyAmount: formatYuan(r.monthlyAmountFen),
      effectiveFrom: r.effectiveFrom,
    }));
  }
}

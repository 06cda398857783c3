import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHILD_CATEGORIES, type ChildCategory } from '@app/domain';
import { ChildCategoryEnum } from '../../cases/graphql/enums';
import { GraphQLDate } from '../../validation/scalars';
import { IsBusinessDate, IsRegionPrefix, IsYearMonth, IsYuan } from '../../validation/validators';
import { ConsistentArgs } from './read-model.args';

export const MAX_FORECAST_MONTHS = 60;
export const MAX_STANDARD_OVERRIDES = 50;

@InputType({
  description: '假设标准 / a hypothetical standard: every region of the forecast, from its date on',
})
export class StandardOverrideInput {
  @Field(() => ChildCategoryEnum)
  @IsIn(CHILD_CATEGORIES)
  category: ChildCategory;

  @Field({ description: 'yuan per month, e.g. "2100.00"' })
  @IsYuan()
  monthlyAmount: string;

  @Field(() => GraphQLDate)
  @IsBusinessDate()
  effectiveFrom: string;
}

@ArgsType()
export class PaymentForecastArgs extends ConsistentArgs {
  @Field({ description: 'region code prefix (2, 4, 6, 9 or 12 digits)' })
  @IsRegionPrefix()
  regionCode: string;

  @Field({ description: 'YYYY-MM: the first month' })
  @IsYearMonth()
  fromMonth: string;

  @Field(() => Int, { description: `how many months, 1 to ${MAX_FORECAST_MONTHS}` })
  @IsInt()
  @Min(1)
  @Max(MAX_FORECAST_MONTHS)
  months: number;

  @Field(() => [StandardOverrideInput], {
    nullable: true,
    description: `hypothetical standards (at most ${MAX_STANDARD_OVERRIDES}); they win over the stored ones from their date on`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STANDARD_OVERRIDES)
  @ValidateNested({ each: true })
  @Type(() => StandardOverrideInput)
  standards?: StandardOverrideInput[] | null;
}

@ObjectType()
export class ForecastMonth {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int, { description: 'payments (lines) the roll would have' }) count: number;
  @Field({ description: 'yuan' }) total: string;
}

@ObjectType({ description: '经费预测 / what the rolls would pay, month by month' })
export class PaymentForecast {
  @Field() regionCode: string;
  @Field(() => [ForecastMonth]) months: ForecastMonth[];
  @Field({ description: 'yuan, all the months' }) total: string;
}

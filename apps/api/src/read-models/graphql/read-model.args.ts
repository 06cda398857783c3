import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  CASE_STATUSES,
  CHILD_CATEGORIES,
  isValidMonth,
  RISK_LEVELS,
  type CaseStatus,
  type ChildCategory,
  type RiskLevel,
} from '@app/domain';
import { CaseStatusEnum, ChildCategoryEnum, RiskLevelEnum } from '../../cases/graphql/enums';
import { DEFAULT_LIMITS } from '../../graphql/limits/limits-config';
import { GraphQLDate } from '../../graphql/scalars';
import { IsBusinessDate, IsRegionPrefix } from '../../validation/validators';

/** The same bound as the GraphQL limits (PAGE_TOO_LARGE), named as a field error here. */
export const MAX_PAGE = DEFAULT_LIMITS.maxPageSize;
export const DEFAULT_PAGE = 20;

export function IsYearMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYearMonth',
      validator: {
        validate: (value) => isValidMonth(value),
        defaultMessage: () => 'must be a month YYYY-MM',
      },
    },
    options,
  );
}

@ArgsType()
export class ConsistentArgs {
  @Field(() => String, {
    nullable: true,
    description: 'a mutation position: answer only once the read models include it',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  consistentWith?: string | null;
}

@InputType()
export class CaseFilter {
  @Field(() => String, {
    nullable: true,
    description: 'region code prefix (2, 4, 6, 9 or 12 digits)',
  })
  @IsOptional()
  @IsRegionPrefix()
  regionCode?: string;

  @Field(() => CaseStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @Field(() => RiskLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;

  @Field(() => ChildCategoryEnum, { nullable: true })
  @IsOptional()
  @IsIn(CHILD_CATEGORIES)
  category?: ChildCategory;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  caseworkerId?: string;
}

@ArgsType()
export class CasesArgs extends ConsistentArgs {
  @Field(() => CaseFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFilter)
  filter?: CaseFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE,
    description: `page size, 1 to ${MAX_PAGE}`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'the cursor of the last edge already seen' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  after?: string | null;
}

@ArgsType()
export class BenefitsArgs extends ConsistentArgs {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  caseId: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'default today' })
  @IsOptional()
  @IsBusinessDate()
  on?: string | null;
}

@ArgsType()
export class PaymentRollArgs extends ConsistentArgs {
  @Field(() => String, { description: 'region code prefix (2, 4, 6, 9 or 12 digits)' })
  @IsRegionPrefix()
  regionCode: string;

  @Field(() => String, { description: 'YYYY-MM' })
  @IsYearMonth()
  month: string;
}

/** Lines of a roll on one page when `first` is not given. */
export const DEFAULT_ROLL_PAGE = 100;

@ArgsType()
export class RollLinesArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_ROLL_PAGE,
    description: `lines on the page, 1 to ${MAX_PAGE}`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'the endCursor of the page already seen' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  after?: string | null;
}

@ArgsType()
export class CaseloadArgs extends ConsistentArgs {
  @Field(() => String, {
    nullable: true,
    description: 'region code prefix; default every region of the reader',
  })
  @IsOptional()
  @IsRegionPrefix()
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: "a child director's caseload" })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  caseworkerId?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'default today' })
  @IsOptional()
  @IsBusinessDate()
  asOf?: string | null;
}

import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  CASE_STATUSES,
  CHILD_CATEGORIES,
  RISK_LEVELS,
  TEXT_LIMITS,
  type CaseStatus,
  type ChildCategory,
  type RiskLevel,
} from '@app/domain';
import { CASE_ORDERS, type CaseOrder } from '@app/read-models';
import { DEFAULT_LIMITS } from '@app/runtime/config/graphql-limits';
import {
  CaseOrderEnum,
  CaseStatusEnum,
  ChildCategoryEnum,
  RiskLevelEnum,
} from '../../cases/graphql/enums';
import { GraphQLDate, GraphQLDateTime } from '../../validation/scalars';
import {
  IsBusinessDate,
  IsCursor,
  IsDateTimeWithOffset,
  IsOneOf,
  IsPosition,
  IsRegionPrefix,
  IsText,
  IsYearMonth,
} from '../../validation/validators';

/** The same bound as the GraphQL limits (PAGE_TOO_LARGE), named as a field error here. */
export const MAX_PAGE = DEFAULT_LIMITS.maxPageSize;
export const DEFAULT_PAGE = 20;

@ArgsType()
export class ConsistentArgs {
  @Field(() => String, {
    nullable: true,
    description: 'a mutation position: answer only once the read models include it',
  })
  @IsOptional()
  @IsPosition()
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
  @IsOneOf(CASE_STATUSES)
  status?: CaseStatus;

  @Field(() => RiskLevelEnum, { nullable: true })
  @IsOptional()
  @IsOneOf(RISK_LEVELS)
  riskLevel?: RiskLevel;

  @Field(() => ChildCategoryEnum, { nullable: true })
  @IsOptional()
  @IsOneOf(CHILD_CATEGORIES)
  category?: ChildCategory;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsText(TEXT_LIMITS.caseworkerId)
  caseworkerId?: string;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'cases open on this day whose next visit was due before it: caseload(asOf).overdueVisits as a list',
  })
  @IsOptional()
  @IsBusinessDate()
  overdueAsOf?: string;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'cases open on turning18From (default today) whose 18th birthday lies from that day to this one: caseload(asOf).turning18Within90Days is turning18From: asOf, turning18By: asOf + 90 days',
  })
  @IsOptional()
  @IsBusinessDate()
  turning18By?: string;

  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'the first day of the turning18By window; default today',
  })
  @IsOptional()
  @IsBusinessDate()
  turning18From?: string;
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
  @IsCursor()
  after?: string | null;

  @Field(() => CaseOrderEnum, {
    nullable: true,
    description: 'default: region code, then case id; ties in any order are broken by case id',
  })
  @IsOptional()
  @IsOneOf(CASE_ORDERS)
  orderBy?: CaseOrder | null;
}

@ArgsType()
export class BenefitsArgs extends ConsistentArgs {
  @Field(() => ID)
  @IsText(64)
  caseId: string;

  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'default today; may lie ahead (what is then scheduled to be in force)',
  })
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

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      'the roll as the system knew it then (events recorded at or before it); default now; not in the future',
  })
  @IsOptional()
  @IsDateTimeWithOffset()
  knownAt?: string | null;
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
  @IsCursor()
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
  @IsText(TEXT_LIMITS.caseworkerId)
  caseworkerId?: string | null;

  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'default today; may lie ahead (overdue visits and 18th birthdays counted from it)',
  })
  @IsOptional()
  @IsBusinessDate()
  asOf?: string | null;
}

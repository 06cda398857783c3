import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import {
  EDUCATION_LEVELS,
  PROGRAMMES,
  TEXT_LIMITS,
  type ChildCategory,
  type EducationLevel,
  type Programme,
} from '@app/domain';
import { GraphQLDate, GraphQLDateTime } from '../../validation/scalars';
import {
  IsBusinessDate,
  IsCaseId,
  IsCategories,
  IsFlag,
  IsOneOf,
  IsPastDate,
  IsPastDateTime,
  IsRegionPrefix,
  IsRiskScore,
  IsStandardCategory,
  IsText,
  IsVillageCode,
  IsYuan,
} from '../../validation/validators';
import { DefersValidation } from '../../validation/input-problems';
import { ChildCategoryEnum, EducationLevelEnum, ProgrammeEnum } from '../graphql/enums';

/** A command on a case: its refusals are named with the case's own (INPUT_PROBLEMS). */
@InputType({ isAbstract: true })
@DefersValidation()
export class CaseInput {
  @Field(() => ID)
  @IsCaseId()
  caseId: string;
}

@InputType()
export class AssessRiskInput extends CaseInput {
  @Field(() => Int, { description: '监护风险 0-3' })
  @IsRiskScore()
  guardianshipRisk: number;

  @Field(() => Int, { description: '生活风险 0-3' })
  @IsRiskScore()
  livingRisk: number;

  @Field(() => Int, { description: '行为风险 0-3' })
  @IsRiskScore()
  behaviourRisk: number;

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  assessedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT_LIMITS.notes, { optional: true })
  notes?: string | null;
}

@InputType()
export class DetermineCategoriesInput extends CaseInput {
  @Field(() => [ChildCategoryEnum])
  @IsCategories({ atLeastOne: true })
  categories: ChildCategory[];

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  determinedAt: string;
}

@InputType()
export class EnrollInProgrammeInput extends CaseInput {
  @Field(() => ProgrammeEnum)
  @IsOneOf(PROGRAMMES)
  programme: Programme;

  @Field(() => GraphQLDate)
  @IsBusinessDate()
  effectiveFrom: string;

  @Field(() => Boolean, { nullable: true, description: '先行救助 / pay first, review after' })
  @IsOptional()
  @IsFlag()
  fastTrack?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'one-off programmes: amount in yuan, e.g. "2000.00"',
  })
  @IsOptional()
  @IsYuan()
  amount?: string | null;
}

@InputType()
export class EndProgrammeInput extends CaseInput {
  @Field(() => ProgrammeEnum)
  @IsOneOf(PROGRAMMES)
  programme: Programme;

  @Field(() => GraphQLDate, { description: 'last day in force' })
  @IsBusinessDate()
  effectiveTo: string;

  @Field()
  @IsText(TEXT_LIMITS.reason)
  reason: string;
}

@InputType()
export class RecordEducationInput extends CaseInput {
  @Field(() => EducationLevelEnum)
  @IsOneOf(EDUCATION_LEVELS)
  level: EducationLevel;

  @Field()
  @IsFlag()
  fullTime: boolean;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsBusinessDate()
  expectedGraduation?: string | null;

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  recordedAt: string;
}

@InputType()
export class RecordGraduationInput extends CaseInput {
  @Field(() => GraphQLDate)
  @IsPastDate()
  graduatedOn: string;
}

@InputType()
export class AssignCaseworkerInput extends CaseInput {
  @Field(() => ID)
  @IsText(TEXT_LIMITS.caseworkerId)
  caseworkerId: string;
}

@InputType()
export class RecordVisitInput extends CaseInput {
  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  visitedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT_LIMITS.notes, { optional: true })
  notes?: string | null;
}

@InputType()
export class TransferCaseInput extends CaseInput {
  @Field()
  @IsVillageCode()
  toRegionCode: string;

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  transferredAt: string;
}

@InputType()
export class CloseCaseInput extends CaseInput {
  @Field()
  @IsText(TEXT_LIMITS.reason)
  reason: string;

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  closedAt: string;
}

@InputType()
export class ReopenCaseInput extends CaseInput {
  @Field()
  @IsText(TEXT_LIMITS.reason)
  reason: string;

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  reopenedAt: string;
}

@InputType()
export class SetBenefitStandardInput {
  @Field({ description: 'region code prefix the standard applies to (e.g. 3703 for Zibo)' })
  @IsRegionPrefix()
  regionCode: string;

  @Field(() => ChildCategoryEnum, {
    description: 'a category some monthly allowance is paid for (ORPHAN, DE_FACTO_UNSUPPORTED)',
  })
  @IsStandardCategory()
  category: ChildCategory;

  @Field({ description: 'yuan per month, e.g. "1978.00"' })
  @IsYuan()
  monthlyAmount: string;

  @Field(() => GraphQLDate)
  @IsBusinessDate()
  effectiveFrom: string;
}

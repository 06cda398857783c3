import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  CHILD_CATEGORIES,
  EDUCATION_LEVELS,
  PROGRAMMES,
  type ChildCategory,
  type EducationLevel,
  type Programme,
} from '@app/domain';
import { GraphQLDate, GraphQLDateTime } from '../../graphql/scalars';
import {
  IsBusinessDate,
  IsDateTimeWithOffset,
  IsRegionPrefix,
  IsVillageCode,
  IsYuan,
} from '../../validation/validators';
import { ChildCategoryEnum, EducationLevelEnum, ProgrammeEnum } from '../graphql/enums';

@InputType({ isAbstract: true })
export class CaseInput {
  @Field(() => ID)
  @IsUUID()
  caseId: string;
}

@InputType()
export class AssessRiskInput extends CaseInput {
  @Field(() => Int, { description: '监护风险 0-3' })
  @IsInt()
  @Min(0)
  @Max(3)
  guardianshipRisk: number;

  @Field(() => Int, { description: '生活风险 0-3' })
  @IsInt()
  @Min(0)
  @Max(3)
  livingRisk: number;

  @Field(() => Int, { description: '行为风险 0-3' })
  @IsInt()
  @Min(0)
  @Max(3)
  behaviourRisk: number;

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  assessedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  notes?: string | null;
}

@InputType()
export class DetermineCategoriesInput extends CaseInput {
  @Field(() => [ChildCategoryEnum])
  @IsArray()
  @ArrayMaxSize(CHILD_CATEGORIES.length)
  @IsIn(CHILD_CATEGORIES, { each: true })
  categories: ChildCategory[];

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  determinedAt: string;
}

@InputType()
export class EnrollInProgrammeInput extends CaseInput {
  @Field(() => ProgrammeEnum)
  @IsIn(PROGRAMMES)
  programme: Programme;

  @Field(() => GraphQLDate)
  @IsBusinessDate()
  effectiveFrom: string;

  @Field(() => Boolean, { nullable: true, description: '先行救助 / pay first, review after' })
  @IsOptional()
  @IsBoolean()
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
  @IsIn(PROGRAMMES)
  programme: Programme;

  @Field(() => GraphQLDate, { description: 'last day in force' })
  @IsBusinessDate()
  effectiveTo: string;

  @Field()
  @IsString()
  @Length(1, 500)
  reason: string;
}

@InputType()
export class RecordEducationInput extends CaseInput {
  @Field(() => EducationLevelEnum)
  @IsIn(EDUCATION_LEVELS)
  level: EducationLevel;

  @Field()
  @IsBoolean()
  fullTime: boolean;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsBusinessDate()
  expectedGraduation?: string | null;

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  recordedAt: string;
}

@InputType()
export class RecordGraduationInput extends CaseInput {
  @Field(() => GraphQLDate)
  @IsBusinessDate()
  graduatedOn: string;
}

@InputType()
export class AssignCaseworkerInput extends CaseInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 128)
  caseworkerId: string;
}

@InputType()
export class RecordVisitInput extends CaseInput {
  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  visitedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  notes?: string | null;
}

@InputType()
export class TransferCaseInput extends CaseInput {
  @Field()
  @IsVillageCode()
  toRegionCode: string;

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  transferredAt: string;
}

@InputType()
export class CloseCaseInput extends CaseInput {
  @Field()
  @IsString()
  @Length(1, 500)
  reason: string;

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  closedAt: string;
}

@InputType()
export class ReopenCaseInput extends CaseInput {
  @Field()
  @IsString()
  @Length(1, 500)
  reason: string;

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  reopenedAt: string;
}

@InputType()
export class SetBenefitStandardInput {
  @Field({ description: 'region code prefix the standard applies to (e.g. 3703 for Zibo)' })
  @IsRegionPrefix()
  regionCode: string;

  @Field(() => ChildCategoryEnum)
  @IsIn(CHILD_CATEGORIES)
  category: ChildCategory;

  @Field({ description: 'yuan per month, e.g. "1978.00"' })
  @IsYuan()
  monthlyAmount: string;

  @Field(() => GraphQLDate)
  @IsBusinessDate()
  effectiveFrom: string;
}

import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import {
  CORRECTABLE_FIELDS,
  CRISIS_KINDS,
  type CorrectableField,
  type CrisisKind,
} from '@app/domain';
import { GraphQLDateTime } from '../../graphql/scalars';
import { IsDateTimeWithOffset } from '../../validation/validators';
import { CorrectableFieldEnum, CrisisKindEnum } from '../graphql/enums';
import { CaseInput } from './case-inputs';

@InputType()
export class ReportGuardianshipCrisisInput extends CaseInput {
  @Field(() => CrisisKindEnum)
  @IsIn(CRISIS_KINDS)
  kind: CrisisKind;

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  reportedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  notes?: string | null;
}

@InputType()
export class UrgeGuardianInput extends CaseInput {
  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  urgedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  notes?: string | null;
}

@InputType()
export class CorrectCaseInput extends CaseInput {
  @Field(() => CorrectableFieldEnum)
  @IsIn(CORRECTABLE_FIELDS)
  field: CorrectableField;

  @Field({ description: 'the right value' })
  @IsString()
  @Length(1, 100)
  to: string;

  @Field({ description: 'why, e.g. "birth date wrong in the data match"' })
  @IsString()
  @Length(1, 500)
  reason: string;

  @Field(() => Int, { description: 'revision of the event that recorded the wrong value' })
  @IsInt()
  @Min(0)
  correctsRevision: number;
}

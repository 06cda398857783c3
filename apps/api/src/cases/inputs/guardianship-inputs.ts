import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import {
  CORRECTABLE_FIELDS,
  CRISIS_KINDS,
  TEXT_LIMITS,
  normalizeIdNumber,
  type CorrectableField,
  type CrisisKind,
} from '@app/domain';
import { GraphQLDateTime } from '../../validation/scalars';
import {
  IsCorrectionValue,
  IsOneOf,
  IsPastDateTime,
  IsRevision,
  IsText,
} from '../../validation/validators';
import { CorrectableFieldEnum, CrisisKindEnum } from '../graphql/enums';
import { CaseInput } from './case-inputs';

@InputType()
export class ReportGuardianshipCrisisInput extends CaseInput {
  @Field(() => CrisisKindEnum)
  @IsOneOf(CRISIS_KINDS)
  kind: CrisisKind;

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  reportedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT_LIMITS.notes, { optional: true })
  notes?: string | null;
}

@InputType()
export class UrgeGuardianInput extends CaseInput {
  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  urgedAt: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT_LIMITS.notes, { optional: true })
  notes?: string | null;
}

@InputType()
export class CorrectCaseInput extends CaseInput {
  @Field(() => CorrectableFieldEnum)
  @IsOneOf(CORRECTABLE_FIELDS)
  field: CorrectableField;

  @Field({
    description:
      'the right value: a name, an ID number (a lower-case x is read as X) or a birth date YYYY-MM-DD',
  })
  @Transform(({ value, obj }) =>
    (obj as { field?: unknown }).field === 'idNumber' && typeof value === 'string'
      ? normalizeIdNumber(value)
      : value,
  )
  @IsCorrectionValue()
  to: string;

  @Field({ description: 'why, e.g. "birth date wrong in the data match"' })
  @IsText(TEXT_LIMITS.reason)
  reason: string;

  @Field(() => Int, { description: 'revision of the event that recorded the wrong value' })
  @IsRevision()
  correctsRevision: number;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import {
  GUARDIAN_KINDS,
  IDENTIFICATION_SOURCES,
  TEXT_LIMITS,
  type ChildCategory,
  type GuardianKind,
  type IdentificationSource,
} from '@app/domain';
import { GraphQLDateTime } from '../../validation/scalars';
import {
  IsCategories,
  IsIdNumber,
  IsOneOf,
  IsPastDateTime,
  IsText,
  IsVillageCode,
  NormalizeIdNumber,
} from '../../validation/validators';
import { DefersValidation } from '../../validation/input-problems';
import { ChildCategoryEnum, GuardianKindEnum, IdentificationSourceEnum } from '../graphql/enums';

@InputType()
export class GuardianInput {
  @Field(() => GuardianKindEnum, { description: 'an orphan has no PARENT as guardian' })
  @IsOneOf(GUARDIAN_KINDS)
  kind: GuardianKind;

  @Field()
  @IsText(TEXT_LIMITS.guardianName)
  name: string;

  @Field(() => String, { nullable: true, description: 'e.g. 祖母 / grandmother' })
  @IsOptional()
  @IsText(TEXT_LIMITS.relation, { optional: true })
  relation?: string | null;
}

@InputType()
@DefersValidation()
export class IdentifyChildInput {
  @Field({
    description:
      '18位公民身份号码 / 18-character resident ID number (a lower-case check character x is read as X)',
  })
  @NormalizeIdNumber()
  @IsIdNumber()
  idNumber: string;

  @Field()
  @IsText(TEXT_LIMITS.childName)
  name: string;

  @Field({ description: '12-digit village or community code where the child lives' })
  @IsVillageCode()
  regionCode: string;

  @Field(() => IdentificationSourceEnum)
  @IsOneOf(IDENTIFICATION_SOURCES)
  source: IdentificationSource;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT_LIMITS.sourceDetail, { optional: true })
  sourceDetail?: string | null;

  @Field(() => GraphQLDateTime)
  @IsPastDateTime()
  identifiedAt: string;

  @Field(() => [ChildCategoryEnum], { nullable: true })
  @IsOptional()
  @IsCategories()
  categories?: ChildCategory[] | null;

  @Field(() => GuardianInput, {
    nullable: true,
    description: 'none recorded: the parents are the guardians by law (an orphan has none)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardianInput)
  guardian?: GuardianInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'the identification candidate (identificationCandidates) this case is made from: it must be the same child; it is closed with the case',
  })
  @IsOptional()
  @IsText(100)
  candidateId?: string | null;
}

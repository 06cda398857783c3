import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  CHILD_CATEGORIES,
  GUARDIAN_KINDS,
  IDENTIFICATION_SOURCES,
  type ChildCategory,
  type GuardianKind,
  type IdentificationSource,
} from '@app/domain';
import { GraphQLDateTime } from '../../graphql/scalars';
import { IsDateTimeWithOffset, IsIdNumber, IsVillageCode } from '../../validation/validators';
import { ChildCategoryEnum, GuardianKindEnum, IdentificationSourceEnum } from '../graphql/enums';

@InputType()
export class GuardianInput {
  @Field(() => GuardianKindEnum)
  @IsIn(GUARDIAN_KINDS)
  kind: GuardianKind;

  @Field()
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => String, { nullable: true, description: 'e.g. 祖母 / grandmother' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  relation?: string | null;
}

@InputType()
export class IdentifyChildInput {
  @Field({ description: '18位公民身份号码 / 18-character resident ID number' })
  @IsIdNumber()
  idNumber: string;

  @Field()
  @IsString()
  @Length(1, 50)
  name: string;

  @Field({ description: '12-digit village or community code where the child lives' })
  @IsVillageCode()
  regionCode: string;

  @Field(() => IdentificationSourceEnum)
  @IsIn(IDENTIFICATION_SOURCES)
  source: IdentificationSource;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  sourceDetail?: string | null;

  @Field(() => GraphQLDateTime)
  @IsDateTimeWithOffset()
  identifiedAt: string;

  @Field(() => [ChildCategoryEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHILD_CATEGORIES.length)
  @IsIn(CHILD_CATEGORIES, { each: true })
  categories?: ChildCategory[] | null;

  @Field(() => GuardianInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardianInput)
  guardian?: GuardianInput | null;
}

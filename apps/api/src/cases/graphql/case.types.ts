import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  AgencyAct,
  CaseStatus,
  ChildCategory,
  EducationLevel,
  GuardianKind,
  Programme,
  RiskLevel,
} from '@app/domain';
import { GraphQLDate, GraphQLDateTime } from '../../validation/scalars';
import {
  CaseStatusEnum,
  ChildCategoryEnum,
  EducationLevelEnum,
  GuardianKindEnum,
  GuardianshipActEnum,
  ProgrammeEnum,
  RiskLevelEnum,
} from './enums';

@ObjectType({ description: '命令结果 / what a mutation did' })
export class CommandResult {
  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => Int, { description: "the stream's revision after the command" })
  revision: number;

  @Field({
    description: 'opaque global log position; pass it as consistentWith to read your own write',
  })
  position: string;
}

@ObjectType({ description: '满18周岁审核结果 / result of an age-out review' })
export class AgeOutReviewResult {
  @Field(() => Int) agedOut: number;
  @Field(() => Int) extended: number;
  @Field(() => Int) graduationGrants: number;
  @Field() position: string;
}

@ObjectType({
  description:
    '儿童身份信息(个人信息,读取留痕)/ the child: personal information, every read is logged',
})
export class ChildInfo {
  /** resolved by ChildInfoResolver, which checks entitlement and logs the read */
  caseId: string;
  regionCode: string;
  /** null once erased */
  fullName: string | null;
  fullIdNumber: string | null;

  @Field({ description: 'ID number with the middle masked, safe for lists' })
  idNumberMasked: string;
}

@ObjectType({ description: '监护人 / guardian' })
export class GuardianInfo {
  /** `name` is resolved by GuardianInfoResolver: in full (logged) or masked, by the policy */
  caseId: string;
  regionCode: string;
  /** null once erased */
  fullName: string | null;

  @Field(() => GuardianKindEnum) kind: GuardianKind;
  @Field(() => String, { nullable: true }) relation: string | null;
}

@ObjectType({ description: '保障待遇 / a programme entitlement' })
export class BenefitEntitlement {
  @Field(() => ProgrammeEnum) programme: Programme;
  @Field(() => GraphQLDate) from: string;
  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'last day in force once known (the end of the programme, of protection, a closure); null while running',
  })
  to: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'monthly cash programmes only: yuan a month at the standard of the day asked, e.g. "1978.00"',
  })
  monthlyAmount: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'one-off programmes only: the amount granted, in yuan',
  })
  amount: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'medical assistance: percent of eligible costs covered, by the categories held that day',
  })
  coverageShare: number | null;
  @Field() fastTrack: boolean;
}

@ObjectType({ description: '风险评估得分 / the latest risk assessment, each dimension 0-3' })
export class RiskScores {
  @Field(() => Int, { description: '监护风险 / guardianship risk' }) guardianship: number;
  @Field(() => Int, { description: '生活风险 / living risk' }) living: number;
  @Field(() => Int, { description: '行为风险 / behaviour risk' }) behaviour: number;
}

@ObjectType({ description: '受教育情况 / the education on record' })
export class EducationInfo {
  @Field(() => EducationLevelEnum) level: EducationLevel;
  @Field() fullTime: boolean;
  @Field(() => GraphQLDate, { nullable: true }) expectedGraduation: string | null;
}

@ObjectType({
  description: '监护司法行为 / a court or procuratorate act, as the agency API recorded it',
})
export class GuardianshipActInfo {
  @Field(() => GuardianshipActEnum) act: AgencyAct;
  @Field({ description: '案号 / docket number' }) docketNumber: string;
  @Field({ description: 'the court or procuratorate' }) agency: string;
  @Field(() => GraphQLDate) decidedOn: string;
  @Field(() => GraphQLDate, { description: 'the day it changes the case' }) effectiveOn: string;
}

@ObjectType({ description: '困境儿童个案 / protection case of a child' })
export class Case {
  @Field(() => ID) id: string;
  @Field(() => CaseStatusEnum) status: CaseStatus;
  @Field() regionCode: string;
  @Field(() => [ChildCategoryEnum]) categories: ChildCategory[];
  @Field(() => RiskLevelEnum, { nullable: true }) riskLevel: RiskLevel | null;
  @Field(() => GraphQLDate) birthDate: string;
  @Field(() => ChildInfo) child: ChildInfo;
  @Field(() => GuardianInfo, { nullable: true }) guardian: GuardianInfo | null;
  @Field({
    description:
      'the personal information was erased (erasePersonalInformation): names and ID number read null',
  })
  erased: boolean;
  @Field(() => ID, { nullable: true }) caseworkerId: string | null;
  @Field(() => [BenefitEntitlement]) programmes: BenefitEntitlement[];
  @Field(() => GraphQLDate, { nullable: true }) nextVisitDue: string | null;
  @Field(() => Int) revision: number;
  @Field(() => RiskScores, { nullable: true, description: 'null before the first assessment' })
  riskScores: RiskScores | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'the latest visit recorded' })
  lastVisitAt: string | null;
  @Field(() => EducationInfo, { nullable: true, description: 'the education on record that day' })
  education: EducationInfo | null;
  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'the first day without protection: the 18th birthday, or the known end of an extension; null while an extension has no known end',
  })
  protectionEndsOn: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'the reason the close gave, while the case is closed; else null',
  })
  closedReason: string | null;
  @Field(() => [GuardianshipActInfo], {
    description: 'court and procuratorate acts with their docket numbers, in the order recorded',
  })
  guardianshipActs: GuardianshipActInfo[];
}

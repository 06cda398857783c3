import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CaseStatus, ChildCategory, GuardianKind, Programme, RiskLevel } from '@app/domain';
import { GraphQLDate } from '../../graphql/scalars';
import {
  CaseStatusEnum,
  ChildCategoryEnum,
  GuardianKindEnum,
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
  @Field(() => GuardianKindEnum) kind: GuardianKind;
  @Field(() => String, { nullable: true, description: 'null once erased' }) name: string | null;
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
}

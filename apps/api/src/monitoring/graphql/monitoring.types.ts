import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  ROSTER_KINDS,
  SIGNAL_KINDS,
  SIGNAL_STATUSES,
  TEXT_LIMITS,
  type ChildCategory,
  type RosterKind,
  type SignalKind,
  type SignalStatus,
} from '@app/domain';
import { ChildCategoryEnum, register } from '../../cases/graphql/enums';
import { ChildInfo } from '../../cases/graphql/case.types';
import { GraphQLDate, GraphQLDateTime } from '../../validation/scalars';
import { ConsistentArgs, DEFAULT_PAGE, MAX_PAGE } from '../../read-models/graphql/read-model.args';
import { PageInfo } from '../../read-models/graphql/read-model.types';
import { IsOneOf, IsRegionPrefix, IsText } from '../../validation/validators';

export const RosterKindEnum = register(
  'RosterKind',
  '比对名单种类 / kind of department roster',
  ROSTER_KINDS,
  {
    MINIMUM_LIVING: '低保名单 / minimum-living-guarantee families',
    MARGINAL_LOW_INCOME: '低保边缘名单 / marginal low-income families',
    EXTREME_POVERTY: '特困供养名单 / extreme-poverty support',
    DISABILITY_CERTIFICATE: '残疾证持证名单 / disability certificate holders',
    PARENT_IMPRISONED: '父母服刑名单 / a parent in prison',
    PARENT_SEVERELY_DISABLED: '父母重残名单 / a parent severely disabled',
    SCHOOL_DROPOUT: '辍学名单 / dropped out of school',
  },
);

export const SignalKindEnum = register('SignalKind', '监测信号 / monitoring signal', SIGNAL_KINDS, {
  CATEGORY_EVIDENCE_FOUND: '名单显示个案未有的类别 / a roster implies a category the case lacks',
  RISK_EVIDENCE_FOUND: '名单显示风险 / a roster tells of a risk',
  CATEGORY_EVIDENCE_LAPSED: '完整名单不再列出 / a complete roster no longer lists the child',
});

export const SignalStatusEnum = register(
  'SignalStatus',
  '信号状态 / signal status',
  SIGNAL_STATUSES,
  {
    OPEN: '待处理 / open',
    RESOLVED: '已处理 / resolved',
  },
);

@ObjectType({ description: '监测信号 / a monitoring signal on a case' })
export class MonitoringSignal {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => SignalKindEnum) kind: SignalKind;
  @Field(() => RosterKindEnum) rosterKind: RosterKind;
  @Field(() => GraphQLDate, { description: "the roster's as-of date" }) asOf: string;
  @Field(() => SignalStatusEnum) status: SignalStatus;
  @Field(() => ChildCategoryEnum, { nullable: true, description: 'the category found or lapsed' })
  category: ChildCategory | null;
  @Field({ description: "the case's village code" }) regionCode: string;
  @Field(() => GraphQLDateTime) raisedAt: string;
  @Field(() => GraphQLDateTime, { nullable: true }) resolvedAt: string | null;
  @Field(() => String, { nullable: true }) resolution: string | null;
}

@ObjectType()
export class MonitoringSignalEdge {
  @Field(() => MonitoringSignal) node: MonitoringSignal;
  @Field() cursor: string;
}

@ObjectType()
export class MonitoringSignalConnection {
  @Field(() => [MonitoringSignalEdge]) edges: MonitoringSignalEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType({ description: '识别线索 / a child a roster lists and no open case holds' })
export class IdentificationCandidate {
  @Field(() => ID) id: string;
  @Field({ description: '12-digit village code of the roster row' }) regionCode: string;
  @Field(() => [RosterKindEnum]) rosterKinds: RosterKind[];
  @Field(() => GraphQLDate, {
    description: 'the earliest as-of date of a roster listing the child',
  })
  firstSeenOn: string;
  @Field(() => GraphQLDate, { description: 'the latest as-of date of a roster listing the child' })
  lastSeenOn: string;
  @Field(() => GraphQLDate, {
    description: 'erased on this day unless a roster lists the child again',
  })
  erasedOn: string;
  @Field(() => ChildInfo) child: ChildInfo;
}

@ObjectType()
export class IdentificationCandidateEdge {
  @Field(() => IdentificationCandidate) node: IdentificationCandidate;
  @Field() cursor: string;
}

@ObjectType()
export class IdentificationCandidateConnection {
  @Field(() => [IdentificationCandidateEdge]) edges: IdentificationCandidateEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
export class MonitoringPageArgs extends ConsistentArgs {
  @Field(() => String, { nullable: true, description: 'region code prefix' })
  @IsOptional()
  @IsRegionPrefix()
  regionCode?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'the cursor of the last edge already seen' })
  @IsOptional()
  @IsText(100)
  after?: string | null;
}

@ArgsType()
export class MonitoringSignalsArgs extends MonitoringPageArgs {
  @Field(() => SignalStatusEnum, { nullable: true })
  @IsOptional()
  @IsOneOf(SIGNAL_STATUSES)
  status?: SignalStatus | null;
}

@InputType()
export class ResolveSignalInput {
  @Field(() => ID)
  @IsText(100)
  signalId: string;

  @Field({ description: 'what was done or found (free text, no personal information)' })
  @IsText(TEXT_LIMITS.reason)
  resolution: string;
}

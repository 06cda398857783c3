import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Allow, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_LIMITS } from '@app/runtime/config/graphql-limits';
import { GraphQLDateTime } from '../../validation/scalars';
import { IsCursor, IsPosition } from '../../validation/validators';

/** Entries of a timeline on one page when `first` is not given (the largest page GraphQL allows). */
export const TIMELINE_PAGE = DEFAULT_LIMITS.maxPageSize;

@ObjectType({
  description: '个案时间线 / one thing that happened to a case, for the people who work it',
})
export class TimelineEntry {
  @Field(() => GraphQLDateTime, {
    description: 'when it happened (business time: a court act on the day it takes effect)',
  })
  at: string;
  @Field({ description: 'the event type, e.g. VisitRecorded' }) type: string;
  @Field({
    description:
      'what happened, in Chinese and English; never a name, an ID number or free text (notes, reasons)',
  })
  summary: string;
  @Field(() => Int, { description: "the event's revision in the case's stream" }) revision: number;
  @Field({ description: 'opaque; pass it as `after` for the next page' }) cursor: string;
}

@ArgsType()
export class CaseTimelineArgs {
  @Field(() => ID)
  @Allow()
  caseId: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: TIMELINE_PAGE,
    description: `entries on the page, 1 to GRAPHQL_MAX_PAGE_SIZE (default ${TIMELINE_PAGE})`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DEFAULT_LIMITS.maxPageSize)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'the cursor of the last entry already seen' })
  @IsOptional()
  @IsCursor()
  after?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'accepted for uniformity: the timeline reads the event log itself, always current',
  })
  @IsOptional()
  @IsPosition()
  consistentWith?: string | null;
}

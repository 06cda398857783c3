import { Module } from '@nestjs/common';
import { BenefitStandardsQueryResolver } from './benefit-standards.resolver';
import { CaseTimelineResolver } from './case-timeline.resolver';

/**
 * The queries of a caseworker's screens that are not a read model's own: `caseTimeline` (from the
 * event log) and `benefitStandards`. Here, above the folders they read (cases, audit, read-models).
 */
@Module({ providers: [CaseTimelineResolver, BenefitStandardsQueryResolver] })
export class CaseworkersModule {}

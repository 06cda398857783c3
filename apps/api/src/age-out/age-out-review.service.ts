import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import {
  businessDateOf,
  checkAgeOutReviewDate,
  eighteenthBirthday,
  graduationGrantStandardFen,
  regionInScope,
  type CasePolicy,
} from '@app/domain';
import { EVENT_STORE, comparePositions, type EventStore } from '@app/event-store';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CASE_POLICY } from '@app/runtime/config/policy';
import { CaseCommandService } from '../cases/case-command.service';
import { assertAllowed, type CommandContext } from '../cases/command-context';
import { StandardsView } from '../cases/standards.view';
import { CaseDirectory } from './case-directory';

export interface AgeOutReviewSummary {
  agedOut: number;
  extended: number;
  graduationGrants: number;
  position: string;
}

/** The system's own identity for the daily run. */
const SYSTEM_REVIEWER: CommandContext['principal'] = {
  id: 'system:age-out-review',
  role: 'ADMIN',
  regions: [''],
};

/**
 * The age-out review: every case of the caller's regions whose 18th birthday has come is decided
 * by the domain (aged out, extended, graduation grant). Running it twice changes nothing.
 */
@Injectable()
export class AgeOutReviewService {
  private readonly logger = new Logger(AgeOutReviewService.name);

  constructor(
    private readonly cases: CaseCommandService,
    private readonly directory: CaseDirectory,
    private readonly standards: StandardsView,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_POLICY) private readonly policy: CasePolicy,
  ) {}

  async run(asOf: string, ctx: CommandContext): Promise<AgeOutReviewSummary> {
    assertAllowed(ctx.principal, 'runAgeOutReview');
    // a review ahead of today would age minors out on birthdays that have not come
    checkAgeOutReviewDate(asOf, this.clock.now().toISOString());
    const summary = { agedOut: 0, extended: 0, graduationGrants: 0 };
    const head = await this.store.headPosition();
    let position: string | null = null;
    const lookup = await this.standards.lookup();
    const entries = [...(await this.directory.current())].sort(([a], [b]) => a.localeCompare(b));
    for (const [caseId, entry] of entries) {
      if (entry.settled || eighteenthBirthday(entry.birthDate, this.policy.ageOfMajority) > asOf)
        continue;
      if (!regionInScope(ctx.principal.regions, entry.regionCode)) continue;
      const { state } = await this.cases.load(caseId);
      if (state.status === 'NONE') continue;
      const grantStandardFen = graduationGrantStandardFen(state, lookup, this.policy);
      const result = await this.cases.execute(
        { type: 'ReviewAgeOut', caseId, data: { asOf, grantStandardFen } },
        ctx,
      );
      for (const type of result.eventTypes) {
        if (type === 'AgedOut') summary.agedOut++;
        if (type === 'ProtectionExtended') summary.extended++;
        if (type === 'GraduationGrantAwarded') summary.graduationGrants++;
      }
      const later = position === null || comparePositions(result.position, position) > 0;
      if (result.eventIds.length > 0 && later) position = result.position;
    }
    // nothing changed: the head the review saw (a read with it as consistentWith sees the same)
    return { ...summary, position: position ?? head ?? '0' };
  }

  /** Daily at 01:30 China time, for every region. */
  @Cron('0 30 1 * * *', { name: 'age-out-review', timeZone: 'Asia/Shanghai' })
  async runDaily(): Promise<void> {
    const asOf = businessDateOf(this.clock.now().toISOString());
    const summary = await this.run(asOf, {
      principal: SYSTEM_REVIEWER,
      correlationId: `age-out-review-${asOf}`,
    });
    this.logger.log({ asOf, ...summary }, 'daily age-out review done');
  }
}

import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { eventSummary, foldCase, MESSAGES, timedCaseEvent, type CaseEvent } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { Principal } from '@app/runtime/auth/principal';
import { readCaseEvents } from '@app/runtime/audit/history-verification';
import { BadUserInput, CaseNotFound } from '@app/runtime/errors/app-errors';
import { CurrentPrincipal } from '../../auth/request-context';
import { assertAllowed } from '../../cases/command-context';
import { CaseTimelineArgs, TimelineEntry, TIMELINE_PAGE } from './case-timeline.types';
import { timelineCursor, timelineKeyOf, type TimelineKey } from './timeline-cursor';

/**
 * `caseTimeline`: what happened to a case, oldest first by business time, each event one line
 * without personal information, for every role that may read the case (the auditor's raw
 * `caseHistory` stays the auditor's). Read from the case's stream, so it is always current.
 */
@Resolver()
export class CaseTimelineResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Query(() => [TimelineEntry], {
    description:
      '个案时间线 / what happened to a case (visits, assessments, decisions, court acts), oldest first, no personal information; a page at a time (`first`, `after`)',
  })
  async caseTimeline(
    @Args() { caseId, first, after }: CaseTimelineArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TimelineEntry[]> {
    assertAllowed(principal, 'caseTimeline');
    const from = after ? timelineKeyOf(after) : null;
    if (after && from === null)
      throw new BadUserInput([{ field: 'after', message: MESSAGES.cursor }]);
    const stored = await readCaseEvents(this.store, caseId);
    const timed = stored.map(timedCaseEvent);
    const state = foldCase(timed.map((t) => t.event));
    if (state.status === 'NONE') throw new CaseNotFound();
    assertAllowed(principal, 'caseTimeline', state.regionCode);
    const entries = timed
      .map(({ revision, event, occurredAt }) => ({
        key: { ms: Date.parse(occurredAt), revision },
        at: occurredAt,
        event,
      }))
      .sort((a, b) => compareKeys(a.key, b.key))
      .filter((e) => from === null || compareKeys(e.key, from) > 0)
      .slice(0, first ?? TIMELINE_PAGE);
    return entries.map(({ key, at, event }) => ({
      at,
      type: event.type,
      summary: eventSummary(event as CaseEvent),
      revision: key.revision,
      cursor: timelineCursor(key),
    }));
  }
}

function compareKeys(a: TimelineKey, b: TimelineKey): number {
  return a.ms - b.ms || a.revision - b.revision;
}

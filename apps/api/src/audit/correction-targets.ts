import { Inject, Injectable } from '@nestjs/common';
import {
  CORRECTABLE_FIELDS,
  ValidationFailed,
  correctCase,
  foldCase,
  isOneOf,
  type CaseEvent,
  type CorrectCase,
} from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { Principal } from '@app/runtime/auth/principal';
import { assertAllowed } from '../cases/command-context';
import { BadUserInput, CaseNotFound, type FieldError } from '@app/runtime/errors/app-errors';
import { readCaseEvents } from '@app/runtime/audit/history-verification';

type Recorded = { revision: bigint | number; type: string; data: unknown };

/**
 * Why `correctsRevision` does not name an event that recorded the field, or null when it does.
 * The child's name, ID number and birth date are recorded on identification and by corrections
 * of that field (an ID number correction records the new birth date in its own event).
 */
export function correctionTargetProblem(
  events: readonly Recorded[],
  field: string,
  correctsRevision: number,
): string | null {
  // a malformed field or revision is the domain's to name
  if (!isOneOf(CORRECTABLE_FIELDS, field) || !Number.isSafeInteger(correctsRevision)) return null;
  if (correctsRevision < 0) return null;
  const target = events.find((e) => Number(e.revision) === correctsRevision);
  if (!target) return 'is not a revision of this case';
  const event = target as CaseEvent;
  const records =
    event.type === 'ChildIdentified' ||
    (event.type === 'CaseCorrected' && event.data.field === field);
  return records ? null : `names an event that did not record ${field}`;
}

/** The application's check of a correction against the real stream (the domain cannot see it). */
@Injectable()
export class CorrectionTargets {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async check(principal: Principal, command: CorrectCase): Promise<void> {
    const events = await readCaseEvents(this.store, command.caseId);
    const state = foldCase(events.map(({ type, data }) => ({ type, data }) as CaseEvent));
    if (state.status === 'NONE') throw new CaseNotFound();
    // outside the regions is FORBIDDEN whatever the input
    assertAllowed(principal, 'correctCase', state.regionCode);
    const problem = correctionTargetProblem(
      events,
      command.data.field,
      command.data.correctsRevision,
    );
    if (problem === null) return;
    const fields: FieldError[] = [{ field: 'correctsRevision', message: problem }];
    try {
      correctCase(command, state); // name every bad field at once, as the contract asks
    } catch (error) {
      if (error instanceof ValidationFailed)
        fields.unshift(...error.fields.filter((f) => f.field !== 'correctsRevision'));
    }
    throw new BadUserInput(fields);
  }
}

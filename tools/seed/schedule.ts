import { Random } from './random';
import { minutesAfter, recordedAfter, type RecordingKind } from './recording';

/** A step of a child's history: what happened when, and when the system learnt it. */
export interface ScheduledStep<Actor, Command> {
  actor: Actor;
  /** when the system recorded it (the events' `recordedAt`) */
  recordedAt: string;
  command: Command;
}

/** A step before its recording time is chosen. */
export interface DraftStep<Actor, Command> {
  actor: Actor;
  occurredAt: string;
  kind: RecordingKind;
  command: Command;
  /** steps of one chain are recorded in their order (a petition before the court's ruling) */
  chain?: string;
  /** recorded after every other step (a closure) */
  last?: boolean;
}

/**
 * Gives each step its recording time (its kind's delay, after the identification and the first
 * step, and in order within its chain) and returns the steps in the order the system learnt them:
 * a court act recorded late comes after the visits that happened meanwhile, as it would.
 */
export function scheduleRecording<Actor, Command>(
  random: Random,
  identifiedRecordedAt: string,
  drafts: DraftStep<Actor, Command>[],
  until: string,
): ScheduledStep<Actor, Command>[] {
  const last = new Map<string, string>();
  let floor = identifiedRecordedAt;
  const later = (a: string, b: string) => (Date.parse(a) > Date.parse(b) ? a : b);
  const planned = drafts
    .filter((d) => !d.last)
    .map((draft, index) => {
      let at = later(
        recordedAfter(random, draft.occurredAt, draft.kind, until),
        minutesAfter(floor, 1),
      );
      if (draft.chain) {
        const previous = last.get(draft.chain);
        if (previous) at = later(at, minutesAfter(previous, 1));
        last.set(draft.chain, at);
      }
      if (index === 0) floor = at; // the assessment: what follows builds on it
      return { actor: draft.actor, recordedAt: at, command: draft.command };
    })
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  for (const draft of drafts.filter((d) => d.last)) {
    const end = planned.length ? planned[planned.length - 1].recordedAt : floor;
    planned.push({
      actor: draft.actor,
      recordedAt: later(
        recordedAfter(random, draft.occurredAt, draft.kind, until),
        minutesAfter(end, 1),
      ),
      command: draft.command,
    });
  }
  return planned;
}

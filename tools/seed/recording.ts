import { AsyncLocalStorage } from 'node:async_hooks';
import type { INestApplication } from '@nestjs/common';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { Random } from './random';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How long after it happened each kind of fact reaches the system, in minutes: [min, max]. */
export const RECORDING_DELAYS = {
  // the child director types the visit's notes in that evening or the next day
  identification: [30, 36 * 60],
  assessment: [60, 3 * 24 * 60],
  // the township supervisor assigns a director within days of the assessment
  assignment: [24 * 60, 5 * 24 * 60],
  visit: [30, 10 * 60],
  // some visits are typed in a week later, in a batch
  lateVisit: [3 * 24 * 60, 10 * 24 * 60],
  // the bureau approves after the date the programme runs from
  enrolment: [60, 10 * 24 * 60],
  report: [30, 24 * 60],
  // agencies post their acts days after the decision: procuratorates within a week
  procuratorate: [2 * 24 * 60, 7 * 24 * 60],
  // courts up to three weeks late, often after the act took effect
  court: [5 * 24 * 60, 20 * 24 * 60],
  closure: [30, 24 * 60],
} as const satisfies Record<string, readonly [number, number]>;
export type RecordingKind = keyof typeof RECORDING_DELAYS;

/** When a fact that happened at `occurredAt` was recorded: its kind's delay, never after `until`. */
export function recordedAfter(
  random: Random,
  occurredAt: string,
  kind: RecordingKind,
  until: string,
): string {
  const [min, max] = RECORDING_DELAYS[kind];
  const happened = Date.parse(occurredAt);
  const at = Math.min(happened + random.int(min, max) * MINUTE, Date.parse(until));
  return new Date(Math.max(at, happened + MINUTE)).toISOString();
}

/** `at` plus whole minutes (ISO). */
export const minutesAfter = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * MINUTE).toISOString();

/** Benefit standards are announced about a month before they take effect. */
export const announcedBefore = (effectiveFromInstant: string) =>
  new Date(Date.parse(effectiveFromInstant) - 30 * DAY).toISOString();

const recordingTime = new AsyncLocalStorage<string>();

/**
 * The application's clock reads the recording time of the command being seeded (each command
 * runs inside `recordedAt(...)`), so events carry the `recordedAt` a real history would have,
 * however many children are seeded at once; outside it, the real time. Returns the undo.
 */
export function useRecordingClock(app: INestApplication): () => void {
  const clock = app.get<Clock>(CLOCK);
  const real = clock.now;
  clock.now = () => {
    const at = recordingTime.getStore();
    return at === undefined ? real.call(clock) : new Date(at);
  };
  return () => {
    clock.now = real;
  };
}

/** Runs `work` with the application's clock at `at` (see useRecordingClock). */
export const recordedAt = <T>(at: string, work: () => Promise<T>): Promise<T> =>
  recordingTime.run(at, work);

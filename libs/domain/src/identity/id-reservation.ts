import type { Event } from '../shared/event';
import { DuplicateCase } from '../shared/errors';

/**
 * One open case per ID number (一人一档): a reservation stream per ID number, named by a keyed
 * hash of it (never the number itself), held while the case is open.
 */
export type IdNumberReserved = Event<'IdNumberReserved', { caseId: string }>;
export type IdNumberReleased = Event<'IdNumberReleased', { caseId: string; reason: string }>;
export type ReservationEvent = IdNumberReserved | IdNumberReleased;

export type ReservationState = { heldBy: string | null };

/**
 * `staleHolder`: the case the caller found holding the number without carrying it open (closed,
 * corrected, never written). Only that holder is taken over: when another case took the number
 * meanwhile (a concurrent identification that found the same stale holder), the reservation is
 * decided again on what is stored and refused.
 */
export type Reserve = { type: 'Reserve'; caseId: string; staleHolder?: string };
export type Release = { type: 'Release'; caseId: string; reason: string };
export type ReservationCommand = Reserve | Release;

export const initialReservationState = (): ReservationState => ({ heldBy: null });

export function evolveReservation(
  state: ReservationState,
  event: ReservationEvent,
): ReservationState {
  switch (event.type) {
    case 'IdNumberReserved':
      return { heldBy: event.data.caseId };
    case 'IdNumberReleased':
      return state.heldBy === event.data.caseId ? { heldBy: null } : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * Reserve fails with DuplicateCase while another case holds the number, unless the caller has
 * established that the holder's case was never written (a crash between the two appends).
 * Both commands are idempotent for the case that already holds / released the number.
 */
export function decideReservation(
  command: ReservationCommand,
  state: ReservationState,
): ReservationEvent[] {
  switch (command.type) {
    case 'Reserve':
      if (state.heldBy === command.caseId) return [];
      if (state.heldBy !== null && state.heldBy !== command.staleHolder)
        throw new DuplicateCase(state.heldBy);
      return [{ type: 'IdNumberReserved', data: { caseId: command.caseId } }];
    case 'Release':
      if (state.heldBy !== command.caseId) return [];
      return [
        { type: 'IdNumberReleased', data: { caseId: command.caseId, reason: command.reason } },
      ];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const reservationDecider = {
  initialState: initialReservationState,
  evolve: evolveReservation,
  decide: decideReservation,
};

import { DuplicateCase } from '../shared/errors';
import {
  decideReservation,
  evolveReservation,
  initialReservationState,
  type ReservationEvent,
} from './id-reservation';

const fold = (events: ReservationEvent[]) =>
  events.reduce(evolveReservation, initialReservationState());

describe('ID number reservation', () => {
  describe('when nobody holds the number', () => {
    it('reserves it for the new case', () => {
      expect(decideReservation({ type: 'Reserve', caseId: 'a' }, fold([]))).toEqual([
        { type: 'IdNumberReserved', data: { caseId: 'a' } },
      ]);
    });
  });

  describe('when another open case holds the number', () => {
    const held = fold([{ type: 'IdNumberReserved', data: { caseId: 'a' } }]);

    it('refuses a second case', () => {
      expect(() => decideReservation({ type: 'Reserve', caseId: 'b' }, held)).toThrow(
        DuplicateCase,
      );
    });

    it('takes over a stale holder whose case was never written', () => {
      expect(decideReservation({ type: 'Reserve', caseId: 'b', staleHolder: 'a' }, held)).toEqual([
        { type: 'IdNumberReserved', data: { caseId: 'b' } },
      ]);
    });

    it('refuses when the holder is not the one found stale (another case took it meanwhile)', () => {
      expect(() =>
        decideReservation({ type: 'Reserve', caseId: 'c', staleHolder: 'x' }, held),
      ).toThrow(DuplicateCase);
    });

    it('ignores a release by a case that does not hold it', () => {
      expect(decideReservation({ type: 'Release', caseId: 'b', reason: 'closed' }, held)).toEqual(
        [],
      );
    });

    it('is idempotent for the holder', () => {
      expect(decideReservation({ type: 'Reserve', caseId: 'a' }, held)).toEqual([]);
    });
  });

  describe('when the holder closed its case', () => {
    const released = fold([
      { type: 'IdNumberReserved', data: { caseId: 'a' } },
      { type: 'IdNumberReleased', data: { caseId: 'a', reason: 'closed' } },
    ]);

    it('lets a new case reserve it', () => {
      expect(decideReservation({ type: 'Reserve', caseId: 'b' }, released)).toHaveLength(1);
    });

    it('releasing again changes nothing', () => {
      expect(
        decideReservation({ type: 'Release', caseId: 'a', reason: 'closed' }, released),
      ).toEqual([]);
    });
  });
});

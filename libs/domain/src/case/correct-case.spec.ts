import { IllegalTransition, ValidationFailed } from '../shared/errors';
import { makeFictionalIdNumber } from '../identity/id-number';
import { given } from '../testing/given-when-then';
import {
  BIRTH_DATE,
  childIdentified,
  closed,
  command,
  event,
  ID_NUMBER,
  NOW,
} from '../testing/fixtures';
import type { CorrectCase } from './case.commands';

const correct = (data: Partial<CorrectCase['data']> = {}) =>
  command('CorrectCase', {
    field: 'birthDate',
    to: '2012-06-10',
    reason: '数据比对出生日期有误',
    correctsRevision: 0,
    ...data,
  });

describe('correcting a case', () => {
  describe('when the birth date on record differs from the ID number', () => {
    // a file recorded before the birth date was always taken from the ID number
    const legacy = childIdentified({ birthDate: '2012-06-10' });

    it('records what it corrects, from what to what, and why', () => {
      given([legacy])
        .when(correct({ to: BIRTH_DATE }))
        .then([
          event('CaseCorrected', {
            field: 'birthDate',
            from: '2012-06-10',
            to: BIRTH_DATE,
            reason: '数据比对出生日期有误',
            correctsRevision: 0,
            correctedAt: NOW,
          }),
        ]);
    });

    it('uses the corrected birth date from then on', () => {
      const state = given([legacy])
        .when(correct({ to: BIRTH_DATE }))
        .thenState();
      expect(state.status !== 'NONE' && state.birthDate).toBe(BIRTH_DATE);
    });
  });

  describe('when the birth date agrees with the ID number', () => {
    it('refuses a birth date that contradicts characters 7-14 of the ID number', () => {
      const error = given([childIdentified()]).when(correct()).thenThrows(ValidationFailed);
      expect(error.fields).toEqual([
        { field: 'to', message: expect.stringContaining('characters 7-14') },
      ]);
    });

    it('refuses an unchanged value, a future date and a missing reason', () => {
      given([childIdentified()])
        .when(correct({ to: BIRTH_DATE }))
        .thenThrows(IllegalTransition);
      const error = given([childIdentified()])
        .when(correct({ to: '2027-01-01', reason: '', correctsRevision: -1 }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([
        { field: 'reason', message: 'must be non-empty text of at most 500 characters' },
        { field: 'correctsRevision', message: 'must be a revision number (0 or more)' },
        { field: 'to', message: 'must not be in the future' },
      ]);
    });
  });

  describe('when the ID number was wrong', () => {
    it('corrects the birth date that came from it as well', () => {
      const right = makeFictionalIdNumber('330102', '2012-05-11', 7);
      given([childIdentified()])
        .when(correct({ field: 'idNumber', to: right }))
        .then([
          event('CaseCorrected', {
            field: 'idNumber',
            from: ID_NUMBER,
            to: right,
            reason: '数据比对出生日期有误',
            correctsRevision: 0,
            correctedAt: NOW,
          }),
          event('CaseCorrected', {
            field: 'birthDate',
            from: BIRTH_DATE,
            to: '2012-05-11',
            reason: '数据比对出生日期有误',
            correctsRevision: 0,
            correctedAt: NOW,
          }),
        ]);
    });

    it('refuses an invalid ID number without echoing it', () => {
      const error = given([childIdentified()])
        .when(correct({ field: 'idNumber', to: '330102201205110070' }))
        .thenThrows(ValidationFailed);
      expect(error.fields[0].field).toBe('to');
    });
  });

  describe('when aged out on a wrong birth date', () => {
    it('undoes the age-out when the corrected 18th birthday is still ahead', () => {
      const history = [
        childIdentified({
          child: { name: '测试儿童', idNumber: makeFictionalIdNumber('330102', '2009-01-20', 7) },
          birthDate: '2008-01-20',
        }),
        event('AgedOut', { on: '2026-01-20', reviewedOn: '2026-01-20' }),
      ];
      const state = given(history)
        .when(correct({ to: '2009-01-20' }))
        .thenState();
      expect(state.status).toBe('IDENTIFIED');
      expect(state.status !== 'NONE' && state.protectionPeriods).toEqual([
        { from: '2009-01-20', to: null },
      ]);
    });
  });

  describe('when closed', () => {
    it('still corrects the record', () => {
      const state = given([childIdentified(), closed()])
        .when(correct({ field: 'name', to: '测试儿童乙' }))
        .thenState();
      expect(state.status === 'CLOSED' && state.child.name).toBe('测试儿童乙');
    });
  });
});

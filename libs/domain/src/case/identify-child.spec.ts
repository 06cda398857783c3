import { IllegalTransition, NotEligible, ValidationFailed } from '../shared/errors';
import { makeFictionalIdNumber } from '../identity/id-number';
import { given } from '../testing/given-when-then';
import {
  BIRTH_DATE,
  CHILD_NAME,
  childIdentified,
  command,
  DIRECTOR,
  ID_NUMBER,
  VILLAGE,
} from '../testing/fixtures';
import type { IdentifyChild } from './case.commands';

const identify = (data: Partial<IdentifyChild['data']> = {}) =>
  command('IdentifyChild', {
    idNumber: ID_NUMBER,
    name: CHILD_NAME,
    regionCode: VILLAGE,
    source: 'VISIT',
    identifiedAt: '2026-01-05T09:00:00+08:00',
    categories: ['DE_FACTO_UNSUPPORTED'],
    guardian: { kind: 'RELATIVE', name: '测试外婆', relation: 'grandmother' },
    ...data,
  });

describe('identifying a child', () => {
  describe('when the case does not exist yet', () => {
    it('records the child, birth date from the ID number, source, village and finder', () => {
      given([]).when(identify()).then([childIdentified()]);
    });

    it('records an orphan with no guardian and no categories yet', () => {
      given([])
        .when(
          identify({
            guardian: null,
            categories: undefined,
            source: 'DATA_MATCH',
            sourceDetail: ' 公安比对 ',
          }),
        )
        .then([
          childIdentified({
            guardian: null,
            categories: [],
            source: 'DATA_MATCH',
            sourceDetail: '公安比对',
          }),
        ]);
    });

    it('accepts a lower-case x check character and stores it upper-case', () => {
      const withX = Array.from({ length: 100 }, (_, n) =>
        makeFictionalIdNumber('330102', '2010-01-01', n),
      ).find((candidate) => candidate.endsWith('X'))!;
      const state = given([])
        .when(identify({ idNumber: withX.toLowerCase() }))
        .thenState();
      expect(state.status === 'IDENTIFIED' && state.child.idNumber).toBe(withX);
    });

    it('refuses a bad check digit, naming the field but never the value', () => {
      const bad = ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1');
      const error = given([])
        .when(identify({ idNumber: bad }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([
        { field: 'idNumber', message: expect.stringContaining('check') },
      ]);
      expect(error.message).not.toContain(bad);
    });

    it('names every bad field at once', () => {
      const error = given([])
        .when(
          identify({
            idNumber: '123',
            name: ' ',
            regionCode: '3703',
            source: 'RUMOUR' as never,
            identifiedAt: '2026-01-05',
            categories: ['ORPHAN', 'ALIEN' as never],
            guardian: { kind: 'UNCLE' as never, name: '' },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual([
        'idNumber',
        'name',
        'regionCode',
        'source',
        'identifiedAt',
        'categories',
        'guardian.kind',
        'guardian.name',
      ]);
    });

    it('refuses an identification in the future', () => {
      given([])
        .when(identify({ identifiedAt: '2026-03-11T09:00:00+08:00' }))
        .thenThrows(ValidationFailed);
    });

    it('refuses an identification before the birth date', () => {
      const error = given([])
        .when(identify({ identifiedAt: '2012-05-09T09:00:00+08:00' }))
        .thenThrows(ValidationFailed);
      expect(error.fields[0].field).toBe('identifiedAt');
    });

    it('refuses a person who is 18 at identification', () => {
      const adult = makeFictionalIdNumber('330102', '2008-01-05', 3);
      given([])
        .when(identify({ idNumber: adult }))
        .thenThrows(NotEligible);
    });

    it('accepts a child on the day before the 18th birthday', () => {
      const almost = makeFictionalIdNumber('330102', '2008-01-06', 5);
      const state = given([])
        .when(identify({ idNumber: almost }))
        .thenState();
      expect(state.status === 'IDENTIFIED' && state.birthDate).toBe('2008-01-06');
    });

    it('records who found the child from the actor', () => {
      const state = given([]).when(identify()).thenState();
      expect(state.status !== 'NONE' && state.identifiedBy).toBe(DIRECTOR.id);
      expect(state.status !== 'NONE' && state.birthDate).toBe(BIRTH_DATE);
    });
  });

  describe('when the case exists', () => {
    it('refuses a second identification on the same case', () => {
      given([childIdentified()]).when(identify()).thenThrows(IllegalTransition);
    });
  });
});

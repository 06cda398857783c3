import { IllegalTransition, NotFound, ValidationFailed } from '../shared/errors';
import { given } from '../testing/given-when-then';
import { childIdentified, closed, command, event, riskAssessed } from '../testing/fixtures';
import type { AssessRisk } from './case.commands';

const assess = (data: Partial<AssessRisk['data']> = {}) =>
  command('AssessRisk', {
    guardianshipRisk: 2,
    livingRisk: 1,
    behaviourRisk: 0,
    assessedAt: '2026-03-01T10:00:00+08:00',
    ...data,
  });

describe('assessing risk', () => {
  describe('when identified', () => {
    const history = [childIdentified()];

    it('records the scores and the colour', () => {
      given(history)
        .when(assess({ notes: '外婆年迈' }))
        .then([
          event('RiskAssessed', {
            guardianshipRisk: 2,
            livingRisk: 1,
            behaviourRisk: 0,
            level: 'YELLOW',
            assessedAt: '2026-03-01T10:00:00+08:00',
            notes: '外婆年迈',
          }),
        ]);
    });

    it('turns the case ASSESSED with its level', () => {
      const state = given(history)
        .when(assess({ behaviourRisk: 3 }))
        .thenState();
      expect(state.status).toBe('ASSESSED');
      expect(state.status !== 'NONE' && state.riskLevel).toBe('RED');
    });

    it('refuses a score of 4, a fraction and a negative, naming each', () => {
      const error = given(history)
        .when(assess({ guardianshipRisk: 4, livingRisk: 1.5, behaviourRisk: -1 }))
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual([
        'guardianshipRisk',
        'livingRisk',
        'behaviourRisk',
      ]);
    });

    it('refuses an assessment before the identification or in the future', () => {
      given(history)
        .when(assess({ assessedAt: '2026-01-04T10:00:00+08:00' }))
        .thenThrows(ValidationFailed);
      given(history)
        .when(assess({ assessedAt: '2026-04-01T10:00:00+08:00' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('when enrolled', () => {
    it('re-assesses without leaving ENROLLED', () => {
      const history = [
        childIdentified(),
        riskAssessed(),
        event('ProgrammeEnrolled', {
          programme: 'CARE_SERVICES',
          effectiveFrom: '2026-02-01',
          fastTrack: false,
        }),
      ];
      const state = given(history)
        .when(assess({ guardianshipRisk: 0, livingRisk: 0 }))
        .thenState();
      expect(state.status).toBe('ENROLLED');
      expect(state.status !== 'NONE' && state.riskLevel).toBe('GREEN');
    });
  });

  describe('when closed', () => {
    it('refuses', () => {
      given([childIdentified(), closed()]).when(assess()).thenThrows(IllegalTransition);
    });
  });

  describe('when the case does not exist', () => {
    it('is not found', () => {
      given([]).when(assess()).thenThrows(NotFound);
    });
  });
});

describe('determining categories', () => {
  const determine = (categories: string[]) =>
    command('DetermineCategories', {
      categories: categories as never,
      determinedAt: '2026-03-02T10:00:00+08:00',
    });

  it('replaces the categories, without duplicates', () => {
    given([childIdentified()])
      .when(determine(['ORPHAN', 'DISABLED', 'ORPHAN']))
      .then([
        event('CategoriesDetermined', {
          categories: ['ORPHAN', 'DISABLED'],
          determinedAt: '2026-03-02T10:00:00+08:00',
        }),
      ]);
  });

  it('refuses an unknown category', () => {
    const error = given([childIdentified()])
      .when(determine(['ORPHAN', 'PIRATE']))
      .thenThrows(ValidationFailed);
    expect(error.fields.map((f) => f.field)).toEqual(['categories']);
  });

  it('refuses an empty list: a child without any category leaves by closing the case', () => {
    const error = given([childIdentified()]).when(determine([])).thenThrows(ValidationFailed);
    expect(error.fields).toEqual([
      { field: 'categories', message: 'must name at least one category' },
    ]);
  });

  it('refuses on a closed case', () => {
    given([childIdentified(), closed()])
      .when(determine(['ORPHAN']))
      .thenThrows(IllegalTransition);
  });
});

import { IllegalTransition, NotEligible, ValidationFailed } from '../shared/errors';
import { given } from '../testing/given-when-then';
import {
  childIdentified,
  closed,
  command,
  enrolled,
  event,
  riskAssessed,
} from '../testing/fixtures';
import type { EndProgramme, EnrollInProgramme } from './case.commands';

const enrol = (data: Partial<EnrollInProgramme['data']> = {}) =>
  command('EnrollInProgramme', {
    programme: 'BASIC_LIVING_ALLOWANCE',
    effectiveFrom: '2026-02-01',
    ...data,
  });
const end = (data: Partial<EndProgramme['data']> = {}) =>
  command('EndProgramme', {
    programme: 'BASIC_LIVING_ALLOWANCE',
    effectiveTo: '2026-06-30',
    reason: '收养',
    ...data,
  });

const assessed = [childIdentified(), riskAssessed()];

describe('enrolling in a programme', () => {
  describe('when assessed', () => {
    it('enrols an eligible child from the effective date', () => {
      given(assessed)
        .when(enrol())
        .then([enrolled('BASIC_LIVING_ALLOWANCE')]);
    });

    it('turns the case ENROLLED', () => {
      expect(given(assessed).when(enrol()).thenState().status).toBe('ENROLLED');
    });

    it('refuses a child whose categories do not open the programme', () => {
      given([childIdentified({ categories: ['LEFT_BEHIND'] }), riskAssessed()])
        .when(enrol())
        .thenThrows(NotEligible);
      given(assessed)
        .when(enrol({ programme: 'REHABILITATION' }))
        .thenThrows(NotEligible);
    });

    it('records the medical coverage share of the highest category', () => {
      given([childIdentified({ categories: ['MARGINAL_LOW_INCOME', 'DE_FACTO_UNSUPPORTED'] })])
        .when(enrol({ programme: 'MEDICAL_ASSISTANCE' }))
        .then([
          event('ProgrammeEnrolled', {
            programme: 'MEDICAL_ASSISTANCE',
            effectiveFrom: '2026-02-01',
            fastTrack: false,
            coverageSharePercent: 80,
          }),
        ]);
    });

    it('grants fast-tracked temporary assistance with an amount, whatever the categories', () => {
      given([childIdentified({ categories: [] })])
        .when(enrol({ programme: 'TEMPORARY_ASSISTANCE', fastTrack: true, amountFen: 200000 }))
        .then([
          event('ProgrammeEnrolled', {
            programme: 'TEMPORARY_ASSISTANCE',
            effectiveFrom: '2026-02-01',
            fastTrack: true,
            amountFen: 200000,
          }),
        ]);
    });

    it('requires an amount for temporary assistance', () => {
      const error = given(assessed)
        .when(enrol({ programme: 'TEMPORARY_ASSISTANCE' }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([{ field: 'amount', message: expect.any(String) }]);
      given(assessed)
        .when(enrol({ programme: 'TEMPORARY_ASSISTANCE', amountFen: 0 }))
        .thenThrows(ValidationFailed);
    });

    it('refuses an amount or a fast track on a recurring programme', () => {
      const error = given(assessed)
        .when(enrol({ amountFen: 100, fastTrack: true }))
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual(['amount', 'fastTrack']);
    });

    it('refuses a bad programme or date', () => {
      const error = given(assessed)
        .when(enrol({ programme: 'LOTTERY' as never, effectiveFrom: '2026-02-30' }))
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual(['programme', 'effectiveFrom']);
    });

    it('refuses an effective date before the child was identified, and lets one lie ahead', () => {
      const error = given(assessed)
        .when(enrol({ effectiveFrom: '2026-01-04' }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([
        { field: 'effectiveFrom', message: 'is before the case was identified' },
      ]);
      given(assessed)
        .when(enrol({ effectiveFrom: '2026-01-05' }))
        .then([
          event('ProgrammeEnrolled', {
            programme: 'BASIC_LIVING_ALLOWANCE',
            effectiveFrom: '2026-01-05',
            fastTrack: false,
          }),
        ]);
      given(assessed)
        .when(enrol({ effectiveFrom: '2027-01-01' }))
        .then([
          event('ProgrammeEnrolled', {
            programme: 'BASIC_LIVING_ALLOWANCE',
            effectiveFrom: '2027-01-01',
            fastTrack: false,
          }),
        ]);
    });

    it('refuses an effective date on or after the 18th birthday', () => {
      given(assessed)
        .when(enrol({ effectiveFrom: '2030-05-10' }))
        .thenThrows(ValidationFailed);
    });

    it('enrols straight from identification too', () => {
      expect(given([childIdentified()]).when(enrol()).thenState().status).toBe('ENROLLED');
    });
  });

  describe('when enrolled', () => {
    const history = [...assessed, enrolled('BASIC_LIVING_ALLOWANCE')];

    it('refuses the same running programme twice', () => {
      given(history)
        .when(enrol({ effectiveFrom: '2026-03-01' }))
        .thenThrows(IllegalTransition);
    });

    it('enrols again after the programme ended', () => {
      const ended = event('ProgrammeEnded', {
        programme: 'BASIC_LIVING_ALLOWANCE',
        effectiveTo: '2026-02-28',
        reason: 'x',
      });
      given([...history, ended])
        .when(enrol({ effectiveFrom: '2026-04-01' }))
        .then([enrolled('BASIC_LIVING_ALLOWANCE', '2026-04-01')]);
    });

    it('grants temporary assistance again for another emergency', () => {
      const grant = event('ProgrammeEnrolled', {
        programme: 'TEMPORARY_ASSISTANCE',
        effectiveFrom: '2026-02-03',
        fastTrack: false,
        amountFen: 50000,
      });
      given([...history, grant])
        .when(
          enrol({
            programme: 'TEMPORARY_ASSISTANCE',
            amountFen: 30000,
            effectiveFrom: '2026-03-03',
          }),
        )
        .then([
          event('ProgrammeEnrolled', {
            programme: 'TEMPORARY_ASSISTANCE',
            effectiveFrom: '2026-03-03',
            fastTrack: false,
            amountFen: 30000,
          }),
        ]);
    });
  });

  describe('when closed or aged out', () => {
    it('refuses', () => {
      given([...assessed, closed()])
        .when(enrol())
        .thenThrows(IllegalTransition);
      given([...assessed, event('AgedOut', { on: '2030-05-10', reviewedOn: '2030-05-10' })])
        .when(enrol())
        .thenThrows(IllegalTransition);
    });
  });
});

describe('ending a programme', () => {
  const history = [...assessed, enrolled('BASIC_LIVING_ALLOWANCE')];

  describe('when enrolled', () => {
    it('ends it on the last day in force', () => {
      given(history)
        .when(end())
        .then([
          event('ProgrammeEnded', {
            programme: 'BASIC_LIVING_ALLOWANCE',
            effectiveTo: '2026-06-30',
            reason: '收养',
          }),
        ]);
    });

    it('returns to ASSESSED when nothing else runs', () => {
      const state = given(history).when(end()).thenState();
      expect(state.status).toBe('ASSESSED');
      expect(state.status !== 'NONE' && state.programmes[0]).toMatchObject({
        to: '2026-06-30',
        endReason: '收养',
      });
    });

    it('stays ENROLLED while another programme runs', () => {
      expect(
        given([...history, enrolled('CARE_SERVICES')])
          .when(end())
          .thenState().status,
      ).toBe('ENROLLED');
    });

    it('refuses an end before the start and a missing reason', () => {
      const error = given(history)
        .when(end({ effectiveTo: '2026-01-31', reason: '' }))
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual(['effectiveTo', 'reason']);
      given(history)
        .when(end({ effectiveTo: '2026-01-31' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('when not enrolled in it', () => {
    it('refuses', () => {
      given(history)
        .when(end({ programme: 'CARE_SERVICES' }))
        .thenThrows(IllegalTransition);
      given([
        ...history,
        event('ProgrammeEnded', {
          programme: 'BASIC_LIVING_ALLOWANCE',
          effectiveTo: '2026-02-28',
          reason: 'x',
        }),
      ])
        .when(end())
        .thenThrows(IllegalTransition);
    });

    it('refuses to end a one-off grant', () => {
      const grant = event('ProgrammeEnrolled', {
        programme: 'TEMPORARY_ASSISTANCE',
        effectiveFrom: '2026-02-03',
        fastTrack: false,
        amountFen: 50000,
      });
      given([...assessed, grant])
        .when(end({ programme: 'TEMPORARY_ASSISTANCE' }))
        .thenThrows(IllegalTransition);
    });
  });

  describe('when closed', () => {
    it('still ends a running programme', () => {
      given([...history, closed('2026-06-30T10:00:00+08:00')])
        .when(end())
        .then([
          event('ProgrammeEnded', {
            programme: 'BASIC_LIVING_ALLOWANCE',
            effectiveTo: '2026-06-30',
            reason: '收养',
          }),
        ]);
    });
  });
});

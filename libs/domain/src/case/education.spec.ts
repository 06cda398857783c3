import { IllegalTransition, ValidationFailed } from '../shared/errors';
import { given } from '../testing/given-when-then';
import { childIdentified, closed, command, event } from '../testing/fixtures';
import type { RecordEducation } from './case.commands';

const record = (data: Partial<RecordEducation['data']> = {}) =>
  command('RecordEducation', {
    level: 'JUNIOR_SECONDARY',
    fullTime: true,
    recordedAt: '2026-03-01T10:00:00+08:00',
    ...data,
  });
const graduate = (graduatedOn = '2026-03-05') => command('RecordGraduation', { graduatedOn });
const studying = event('EducationRecorded', {
  level: 'JUNIOR_SECONDARY',
  fullTime: true,
  expectedGraduation: '2027-06-30',
  recordedAt: '2026-02-01T10:00:00+08:00',
});

describe('recording education', () => {
  describe('when open', () => {
    it('records level, full-time and expected graduation', () => {
      given([childIdentified()])
        .when(record({ expectedGraduation: '2027-06-30' }))
        .then([
          event('EducationRecorded', {
            level: 'JUNIOR_SECONDARY',
            fullTime: true,
            expectedGraduation: '2027-06-30',
            recordedAt: '2026-03-01T10:00:00+08:00',
          }),
        ]);
    });

    it('names bad fields', () => {
      const error = given([childIdentified()])
        .when(
          record({
            level: 'PHD' as never,
            fullTime: 'yes' as never,
            expectedGraduation: '2027-13-01',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual(['level', 'fullTime', 'expectedGraduation']);
    });

    it('refuses an expected graduation already past on the day it is recorded', () => {
      const error = given([childIdentified()])
        .when(record({ expectedGraduation: '2026-02-28' }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([
        { field: 'expectedGraduation', message: 'is before the day it was recorded' },
      ]);
      // recorded late: it lay ahead then, though it is past now
      given([childIdentified()])
        .when(record({ recordedAt: '2026-01-10T10:00:00+08:00', expectedGraduation: '2026-02-28' }))
        .then([
          event('EducationRecorded', {
            level: 'JUNIOR_SECONDARY',
            fullTime: true,
            expectedGraduation: '2026-02-28',
            recordedAt: '2026-01-10T10:00:00+08:00',
          }),
        ]);
    });

    it('starts the retake year when a gaokao retake is first recorded, and keeps it', () => {
      const first = given([childIdentified()])
        .when(record({ level: 'GAOKAO_RETAKE' }))
        .thenState();
      expect(first.status !== 'NONE' && first.education?.retakeStartedOn).toBe('2026-03-01');
      const retake = event('EducationRecorded', {
        level: 'GAOKAO_RETAKE',
        fullTime: true,
        expectedGraduation: null,
        recordedAt: '2025-09-01T10:00:00+08:00',
      });
      const again = given([childIdentified(), retake])
        .when(record({ level: 'GAOKAO_RETAKE' }))
        .thenState();
      expect(again.status !== 'NONE' && again.education?.retakeStartedOn).toBe('2025-09-01');
    });
  });

  describe('when closed', () => {
    it('refuses', () => {
      given([childIdentified(), closed()]).when(record()).thenThrows(IllegalTransition);
    });
  });
});

describe('recording a graduation', () => {
  describe('when in full-time education but not in extended protection', () => {
    it('refuses: a minor who finishes school records the education that follows', () => {
      given([childIdentified(), studying]).when(graduate()).thenThrows(IllegalTransition);
    });
  });

  describe('when extended', () => {
    const extended = [
      childIdentified({ birthDate: '2008-01-20' }),
      event('ProtectionExtended', {
        from: '2026-01-20',
        level: 'SENIOR_SECONDARY',
        reviewedOn: '2026-01-20',
      }),
    ];

    it('records it', () => {
      given(extended)
        .when(graduate())
        .then([event('GraduationRecorded', { graduatedOn: '2026-03-05' })]);
    });

    it('refuses a graduation before the extension', () => {
      const error = given(extended).when(graduate('2026-01-10')).thenThrows(ValidationFailed);
      expect(error.fields[0].field).toBe('graduatedOn');
    });

    it('refuses a graduation in the future', () => {
      const error = given(extended).when(graduate('2026-07-01')).thenThrows(ValidationFailed);
      expect(error.fields).toEqual([
        { field: 'graduatedOn', message: 'must not be in the future' },
      ]);
    });

    it('refuses a second graduation until new study is recorded', () => {
      const done = event('GraduationRecorded', { graduatedOn: '2026-03-01' });
      given([...extended, done])
        .when(graduate())
        .thenThrows(IllegalTransition);
      const newStudy = event('EducationRecorded', { ...studying.data, level: 'UNDERGRADUATE' });
      given([...extended, done, newStudy])
        .when(graduate())
        .then([event('GraduationRecorded', { graduatedOn: '2026-03-05' })]);
    });
  });

  describe('when neither extended nor studying', () => {
    it('refuses', () => {
      given([childIdentified()]).when(graduate()).thenThrows(IllegalTransition);
      const partTime = event('EducationRecorded', { ...studying.data, fullTime: false });
      given([childIdentified(), partTime]).when(graduate()).thenThrows(IllegalTransition);
    });
  });
});

import { DEFAULT_POLICY } from '../policy/case-policy';
import { ValidationFailed } from '../shared/errors';
import { foldCase } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import { standardLookupFrom } from '../standards/standard-in-force';
import { given } from '../testing/given-when-then';
import { childIdentified, command, enrolled, event } from '../testing/fixtures';
import { graduationGrantStandardFen, reviewAgeOut } from './review-age-out';
import type { ExistingCase } from '../case/case.state';

const BIRTH = '2008-05-10';
const BIRTHDAY = '2026-05-10';
const identified = (categories = ['DE_FACTO_UNSUPPORTED'] as const) =>
  childIdentified({ birthDate: BIRTH, categories: [...categories] });
const study = (
  level: 'SENIOR_SECONDARY' | 'UNDERGRADUATE' | 'GAOKAO_RETAKE' | 'NONE',
  recordedAt: string,
  fullTime = true,
) => event('EducationRecorded', { level, fullTime, expectedGraduation: null, recordedAt });
const review = (asOf: string, grantStandardFen: number | null = 197800) =>
  command('ReviewAgeOut', { asOf, grantStandardFen }, { now: `${asOf}T02:00:00+08:00` });
const extended = (level = 'SENIOR_SECONDARY' as const) =>
  event('ProtectionExtended', { from: BIRTHDAY, level, reviewedOn: BIRTHDAY });

describe('age-out review', () => {
  describe('before the 18th birthday', () => {
    it('does nothing', () => {
      given([identified()]).when(review('2026-05-09')).thenNothing();
    });
  });

  describe('on the 18th birthday without full-time study', () => {
    it('ages the child out on the birthday', () => {
      given([identified(), enrolled('BASIC_LIVING_ALLOWANCE')])
        .when(review(BIRTHDAY))
        .then([event('AgedOut', { on: BIRTHDAY, reviewedOn: BIRTHDAY })]);
    });

    it('ages out a part-time student and one who graduated before', () => {
      given([identified(), study('SENIOR_SECONDARY', '2025-09-01T09:00:00+08:00', false)])
        .when(review(BIRTHDAY))
        .then([event('AgedOut', { on: BIRTHDAY, reviewedOn: BIRTHDAY })]);
      given([
        identified(),
        study('SENIOR_SECONDARY', '2025-09-01T09:00:00+08:00'),
        event('GraduationRecorded', { graduatedOn: '2026-01-20' }),
      ])
        .when(review(BIRTHDAY))
        .then([event('AgedOut', { on: BIRTHDAY, reviewedOn: BIRTHDAY })]);
    });

    it('ages out on 1 March a child born on 29 February', () => {
      given([childIdentified({ birthDate: '2008-02-29' })])
        .when(review('2026-03-02'))
        .then([event('AgedOut', { on: '2026-03-01', reviewedOn: '2026-03-02' })]);
    });

    it('turns the case AGED_OUT and ends protection', () => {
      const state = given([identified()]).when(review(BIRTHDAY)).thenState() as ExistingCase;
      expect(state.status).toBe('AGED_OUT');
      expect(state.protectionEnd).toEqual({ on: BIRTHDAY, reason: 'EIGHTEENTH_BIRTHDAY' });
    });
  });

  describe('on the 18th birthday in full-time study', () => {
    it('extends protection', () => {
      given([identified(), study('SENIOR_SECONDARY', '2025-09-01T09:00:00+08:00')])
        .when(review(BIRTHDAY))
        .then([extended()]);
    });

    it('extends for a first-year gaokao retake but not a second year', () => {
      given([identified(), study('GAOKAO_RETAKE', '2025-09-01T09:00:00+08:00')])
        .when(review(BIRTHDAY))
        .then([
          event('ProtectionExtended', {
            from: BIRTHDAY,
            level: 'GAOKAO_RETAKE',
            reviewedOn: BIRTHDAY,
          }),
        ]);
      given([identified(), study('GAOKAO_RETAKE', '2025-05-01T09:00:00+08:00')])
        .when(review(BIRTHDAY))
        .then([event('AgedOut', { on: BIRTHDAY, reviewedOn: BIRTHDAY })]);
    });
  });

  describe('when extended', () => {
    const base = [identified(), study('SENIOR_SECONDARY', '2025-09-01T09:00:00+08:00'), extended()];

    it('does nothing while the study goes on', () => {
      given(base).when(review('2026-09-01')).thenNothing();
    });

    it('keeps protection through admission to university after a retake', () => {
      const retake = [
        identified(),
        study('GAOKAO_RETAKE', '2025-09-01T09:00:00+08:00'),
        extended('GAOKAO_RETAKE' as never),
      ];
      given(retake).when(review('2026-08-31')).thenNothing();
      given(retake)
        .when(review('2026-09-01'))
        .then([event('ProtectionEnded', { on: '2026-09-01', reason: 'RETAKE_YEAR_OVER' })]);
      given([...retake, study('UNDERGRADUATE', '2026-08-20T09:00:00+08:00')])
        .when(review('2026-09-01'))
        .thenNothing();
    });

    it('ends protection when the child leaves full-time study', () => {
      given([...base, study('NONE', '2026-10-08T09:00:00+08:00', false)])
        .when(review('2026-10-09'))
        .then([event('ProtectionEnded', { on: '2026-10-08', reason: 'LEFT_EDUCATION' })]);
    });

    it('pays 6 months of the standard in the month of graduation, then ends protection', () => {
      given([...base, event('GraduationRecorded', { graduatedOn: '2027-06-28' })])
        .when(review('2027-07-02', 197800))
        .then([
          event('GraduationGrantAwarded', {
            graduatedOn: '2027-06-28',
            month: '2027-06',
            amountFen: 1186800,
            monthlyStandardFen: 197800,
            months: 6,
          }),
          event('ProtectionEnded', { on: '2027-06-28', reason: 'GRADUATED' }),
        ]);
    });

    it('ends protection without a grant for a child outside the basic living allowance', () => {
      const minimum = [identified(['MINIMUM_LIVING'] as never), ...base.slice(1)];
      given([...minimum, event('GraduationRecorded', { graduatedOn: '2027-06-28' })])
        .when(review('2027-07-02'))
        .then([event('ProtectionEnded', { on: '2027-06-28', reason: 'GRADUATED' })]);
    });

    it('waits for a standard before paying a grant that is due', () => {
      given([...base, event('GraduationRecorded', { graduatedOn: '2027-06-28' })])
        .when(review('2027-07-02', null))
        .thenNothing();
    });
  });

  describe('when a review runs late', () => {
    it('catches up in one go', () => {
      const history = [
        identified(),
        study('UNDERGRADUATE', '2026-03-01T09:00:00+08:00'),
        event('GraduationRecorded', { graduatedOn: '2026-06-30' }),
      ];
      const events = given(history)
        .when(review('2026-07-15'))
        .then([
          event('ProtectionExtended', {
            from: BIRTHDAY,
            level: 'UNDERGRADUATE',
            reviewedOn: '2026-07-15',
          }),
          event('GraduationGrantAwarded', {
            graduatedOn: '2026-06-30',
            month: '2026-06',
            amountFen: 1186800,
            monthlyStandardFen: 197800,
            months: 6,
          }),
          event('ProtectionEnded', { on: '2026-06-30', reason: 'GRADUATED' }),
        ]);
      expect(events).toHaveLength(3);
    });
  });

  describe('idempotency', () => {
    it.each([
      ['aged out', [identified()]],
      ['extended', [identified(), study('SENIOR_SECONDARY', '2025-09-01T09:00:00+08:00')]],
      [
        'graduated',
        [
          identified(),
          study('SENIOR_SECONDARY', '2025-09-01T09:00:00+08:00'),
          extended(),
          event('GraduationRecorded', { graduatedOn: '2026-06-30' }),
        ],
      ],
    ] as [string, CaseEvent[]][])(
      'a second review of the %s case returns nothing',
      (_name, history) => {
        const first = reviewAgeOut(
          foldCase(history),
          {
            asOf: '2026-07-01',
            grantStandardFen: 197800,
          },
          DEFAULT_POLICY,
        );
        expect(first.length).toBeGreaterThan(0);
        expect(
          reviewAgeOut(
            foldCase([...history, ...first]),
            {
              asOf: '2026-07-01',
              grantStandardFen: 197800,
            },
            DEFAULT_POLICY,
          ),
        ).toEqual([]);
      },
    );

    it('does nothing for a closed or unknown case', () => {
      expect(reviewAgeOut(foldCase([]), { asOf: BIRTHDAY }, DEFAULT_POLICY)).toEqual([]);
      given([
        identified(),
        event('CaseClosed', { reason: 'x', closedAt: '2026-01-01T09:00:00+08:00' }),
      ])
        .when(review(BIRTHDAY))
        .thenNothing();
    });
  });

  it('refuses a bad asOf', () => {
    given([identified()]).when(review('2026-02-30')).thenThrows(ValidationFailed);
  });

  it('refuses an asOf after today in China, whatever the hour in UTC', () => {
    // 2026-05-09 23:30 in China is 15:30 UTC: the birthday (10 May) has not come anywhere in China
    const early = command(
      'ReviewAgeOut',
      { asOf: BIRTHDAY, grantStandardFen: null },
      { now: '2026-05-09T15:30:00Z' },
    );
    const error = given([identified()]).when(early).thenThrows(ValidationFailed);
    expect(error.fields).toEqual([{ field: 'asOf', message: 'must not be in the future' }]);
    // 00:30 on the 10th in China is still the 9th in UTC: the review may run
    const onTime = command(
      'ReviewAgeOut',
      { asOf: BIRTHDAY, grantStandardFen: null },
      { now: '2026-05-09T16:30:00Z' },
    );
    given([identified()])
      .when(onTime)
      .then([event('AgedOut', { on: BIRTHDAY, reviewedOn: BIRTHDAY })]);
  });
});

describe('the grant standard', () => {
  it('is the child highest basic-living standard on the graduation date', () => {
    const lookup = standardLookupFrom([
      {
        regionCode: '3301',
        category: 'DE_FACTO_UNSUPPORTED',
        monthlyAmountFen: 190000,
        effectiveFrom: '2026-01-01',
      },
      {
        regionCode: '3301',
        category: 'DE_FACTO_UNSUPPORTED',
        monthlyAmountFen: 200000,
        effectiveFrom: '2026-07-01',
      },
    ]);
    const studying = [
      childIdentified({ birthDate: '2008-05-10', categories: ['DE_FACTO_UNSUPPORTED'] }),
      study('UNDERGRADUATE', '2025-09-01T09:00:00+08:00'),
    ];
    const graduated = foldCase([
      ...studying,
      event('GraduationRecorded', { graduatedOn: '2026-06-30' }),
    ]) as ExistingCase;
    expect(graduationGrantStandardFen(graduated, lookup, DEFAULT_POLICY)).toBe(190000);
    expect(
      graduationGrantStandardFen(foldCase(studying) as ExistingCase, lookup, DEFAULT_POLICY),
    ).toBeNull();
  });
});

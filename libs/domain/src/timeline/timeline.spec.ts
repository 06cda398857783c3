import { DEFAULT_POLICY } from '../policy/case-policy';
import { foldCase } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import type { ExistingCase } from '../case/case.state';
import { standardLookupFrom } from '../standards/standard-in-force';
import { childIdentified, closed, enrolled, event } from '../testing/fixtures';
import { guardianOn, statusOn, timelineOf } from './case-timeline';
import { entitlementsOn, enrolmentsOn } from './entitlements';
import { owedForMonth } from './owed';

const BIRTH = '2008-05-10';
const BIRTHDAY = '2026-05-10';
const standards = standardLookupFrom([
  {
    regionCode: '3301',
    category: 'DE_FACTO_UNSUPPORTED',
    monthlyAmountFen: 197800,
    effectiveFrom: '2024-01-01',
  },
  { regionCode: '3301', category: 'ORPHAN', monthlyAmountFen: 230000, effectiveFrom: '2024-01-01' },
]);
const timeline = (...events: CaseEvent[]) =>
  timelineOf(
    foldCase([
      childIdentified({ birthDate: BIRTH, identifiedAt: '2024-01-05T09:00:00+08:00' }),
      ...events,
    ]) as ExistingCase,
    DEFAULT_POLICY,
  );
const study = (
  recordedAt: string,
  expectedGraduation: string | null = null,
  level: 'UNDERGRADUATE' | 'SENIOR_SECONDARY' | 'GAOKAO_RETAKE' = 'UNDERGRADUATE',
) =>
  event('EducationRecorded', {
    level,
    fullTime: true,
    expectedGraduation,
    recordedAt: `${recordedAt}T09:00:00+08:00`,
  });
const graduated = (graduatedOn: string) => event('GraduationRecorded', { graduatedOn });
const categories = (
  on: string,
  ...held: ('ORPHAN' | 'DE_FACTO_UNSUPPORTED' | 'MARGINAL_LOW_INCOME' | 'LEFT_BEHIND')[]
) => event('CategoriesDetermined', { categories: held, determinedAt: `${on}T10:00:00+08:00` });
const amounts = (t: ReturnType<typeof timeline>, month: string) =>
  owedForMonth(t, month, standards).map((l) => `${l.reason} ${l.amountFen}`);

describe('protection by the rule', () => {
  it('ends on the 18th birthday without full-time study, whether or not a review ran', () => {
    const t = timeline(enrolled('BASIC_LIVING_ALLOWANCE', '2026-01-01'));
    expect(t.protection.end).toEqual({
      on: BIRTHDAY,
      reason: 'EIGHTEENTH_BIRTHDAY',
      graduation: null,
    });
    expect(statusOn(t, '2026-05-09')).toBe('ENROLLED');
    expect(statusOn(t, BIRTHDAY)).toBe('AGED_OUT');
    expect(amounts(t, '2026-05')).toEqual(['MONTHLY 197800']);
    expect(amounts(t, '2026-06')).toEqual([]);
  });

  it('runs to the expected graduation of the known study', () => {
    const t = timeline(study('2025-09-01', '2027-06-30'));
    expect(t.protection).toMatchObject({
      extendedFrom: BIRTHDAY,
      end: { on: '2027-06-30', reason: 'GRADUATED', graduation: 'EXPECTED' },
    });
    expect(statusOn(t, '2026-06-01')).toBe('EXTENDED');
  });

  it('ends at a recorded graduation, with six months of the standard in its month', () => {
    const t = timeline(
      enrolled('BASIC_LIVING_ALLOWANCE', '2026-01-01'),
      study('2025-09-01'),
      graduated('2026-06-30'),
    );
    expect(amounts(t, '2026-06')).toEqual(['MONTHLY 197800', 'GRADUATION_GRANT 1186800']);
    expect(amounts(t, '2026-07')).toEqual([]);
    expect(statusOn(t, '2026-06-30')).toBe('AGED_OUT');
  });

  it('keeps the grant when the case is closed on the graduation day, not when closed before', () => {
    const base = [study('2025-09-01'), graduated('2026-06-30')];
    expect(amounts(timeline(...base, closed('2026-06-30T09:00:00+08:00')), '2026-06')).toEqual([
      'GRADUATION_GRANT 1186800',
    ]);
    expect(amounts(timeline(...base, closed('2026-06-29T09:00:00+08:00')), '2026-06')).toEqual([]);
  });

  it('carries on through study recorded to begin on the graduation day, not after it', () => {
    const on = timeline(
      study('2025-09-01', null, 'SENIOR_SECONDARY'),
      graduated('2026-06-30'),
      study('2026-06-30'),
    );
    expect(on.protection.end).toBeNull();
    const gap = timeline(
      study('2025-09-01', null, 'SENIOR_SECONDARY'),
      graduated('2026-06-30'),
      study('2026-07-01'),
    );
    expect(gap.protection.end).toEqual({
      on: '2026-06-30',
      reason: 'GRADUATED',
      graduation: 'RECORDED',
    });
  });

  it('ends when a record says the study stopped, and after a retake year', () => {
    const left = timeline(
      study('2025-09-01'),
      event('EducationRecorded', {
        level: 'NONE',
        fullTime: false,
        expectedGraduation: null,
        recordedAt: '2026-10-08T09:00:00+08:00',
      }),
    );
    expect(left.protection.end).toEqual({
      on: '2026-10-08',
      reason: 'LEFT_EDUCATION',
      graduation: null,
    });
    const retake = timeline(study('2025-09-01', null, 'GAOKAO_RETAKE'));
    expect(retake.protection.end).toEqual({
      on: '2026-09-01',
      reason: 'RETAKE_YEAR_OVER',
      graduation: null,
    });
  });
});

describe('a month paid in full when protection and the programme are in force on its first day', () => {
  it('skips the month begun before the programme, pays the month its end falls in', () => {
    const t = timeline(
      enrolled('BASIC_LIVING_ALLOWANCE', '2025-01-15'),
      event('ProgrammeEnded', {
        programme: 'BASIC_LIVING_ALLOWANCE',
        effectiveTo: '2025-05-01',
        reason: 'x',
      }),
    );
    expect(['2025-01', '2025-02', '2025-05', '2025-06'].map((m) => amounts(t, m).length)).toEqual([
      0, 1, 1, 0,
    ]);
  });

  it('stops on a closure and pays again from the first month begun after a reopening', () => {
    const t = timeline(
      enrolled('BASIC_LIVING_ALLOWANCE', '2025-01-01'),
      closed('2025-04-01T00:00:00+08:00'),
      event('CaseReopened', { reason: 'back', reopenedAt: '2025-05-20T09:00:00+08:00' }),
    );
    expect(['2025-03', '2025-04', '2025-05', '2025-06'].map((m) => amounts(t, m).length)).toEqual([
      1, 0, 0, 1,
    ]);
  });
});

describe('categories and shares by their dates', () => {
  it('keeps what was paid before a later determination', () => {
    const t = timeline(
      enrolled('BASIC_LIVING_ALLOWANCE', '2025-01-01'),
      categories('2025-11-05', 'LEFT_BEHIND'),
    );
    expect(amounts(t, '2025-06')).toEqual(['MONTHLY 197800']);
    expect(amounts(t, '2025-12')).toEqual([]);
    expect(entitlementsOn(t, '2025-06-15', standards)).toEqual([
      expect.objectContaining({
        programme: 'BASIC_LIVING_ALLOWANCE',
        monthlyAmountFen: 197800,
        to: '2025-11-04',
      }),
    ]);
    expect(entitlementsOn(t, '2025-12-15', standards)).toEqual([]);
  });

  it('gives medical assistance the highest share of the categories held that day', () => {
    const t = timeline(
      categories('2025-01-01', 'MARGINAL_LOW_INCOME'),
      enrolled('MEDICAL_ASSISTANCE', '2025-02-01'),
      categories('2025-08-01', 'MARGINAL_LOW_INCOME', 'ORPHAN'),
    );
    const share = (day: string) => entitlementsOn(t, day, standards)[0].coverageSharePercent;
    expect([share('2025-03-01'), share('2025-08-01')]).toEqual([70, 100]);
    expect(entitlementsOn(t, '2025-08-01', standards)[0].monthlyAmountFen).toBeNull();
  });
});

describe('entitlements', () => {
  it('end with protection: the day before the 18th birthday, or before a closure', () => {
    const aged = timeline(enrolled('BASIC_LIVING_ALLOWANCE', '2026-01-01'));
    expect(enrolmentsOn(aged, '2026-11-01', standards)[0]).toMatchObject({
      to: '2026-05-09',
      monthlyAmountFen: 197800,
    });
    const shut = timeline(
      enrolled('MEDICAL_ASSISTANCE', '2026-01-01'),
      closed('2026-02-20T10:00:00+08:00'),
    );
    expect(enrolmentsOn(shut, '2026-11-01', standards)[0].to).toBe('2026-02-19');
  });

  it('show a one-off amount as an amount, never as a monthly one', () => {
    const t = timeline(
      event('ProgrammeEnrolled', {
        programme: 'TEMPORARY_ASSISTANCE',
        effectiveFrom: '2026-03-05',
        fastTrack: true,
        amountFen: 50000,
      }),
    );
    expect(entitlementsOn(t, '2026-03-05', standards)).toEqual([
      expect.objectContaining({
        amountFen: 50000,
        monthlyAmountFen: null,
        to: '2026-03-05',
        fastTrack: true,
      }),
    ]);
    expect(amounts(t, '2026-03')).toEqual(['ONE_OFF 50000']);
  });
});

describe('the guardian on a date', () => {
  it('changes on the effective date of a court appointment, not before', () => {
    const act = {
      docketNumber: '(2026)浙0102民特9号',
      decidedOn: '2026-02-01',
      agency: 'court',
      notes: null,
    };
    const t = timeline(
      event('GuardianshipRevoked', {
        ...act,
        effectiveOn: '2026-02-01',
        newGuardian: null,
        revokedGuardian: { kind: 'RELATIVE', name: '测试外婆', relation: 'grandmother' },
      }),
      event('GuardianAppointed', {
        ...act,
        effectiveOn: '2027-03-01',
        newGuardian: { kind: 'CIVIL_AFFAIRS', name: '民政局', relation: null },
      }),
    );
    expect(guardianOn(t, '2026-01-31')?.name).toBe('测试外婆');
    expect(guardianOn(t, '2026-12-01')).toBeNull();
    expect(guardianOn(t, '2027-03-01')?.kind).toBe('CIVIL_AFFAIRS');
  });
});

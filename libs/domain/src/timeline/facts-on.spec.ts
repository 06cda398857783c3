import { DEFAULT_POLICY } from '../policy/case-policy';
import { evolve } from '../case/case.evolve';
import { initialCaseState, type ExistingCase } from '../case/case.state';
import type { CaseEvent } from '../case/case.events';
import { caseView } from './case-on';
import { childIdentified, closed, event, riskAssessed } from '../testing/fixtures';

const fold = (events: CaseEvent[]) => events.reduce(evolve, initialCaseState()) as ExistingCase;
const noStandards = () => null;
const viewOn = (events: CaseEvent[], date: string) =>
  caseView(fold(events), date, noStandards, DEFAULT_POLICY);

const education = (recordedAt: string, level: 'SENIOR_SECONDARY' | 'UNDERGRADUATE') =>
  event('EducationRecorded', {
    level,
    fullTime: true,
    expectedGraduation: level === 'UNDERGRADUATE' ? '2030-06-30' : '2026-06-30',
    recordedAt,
  });

const act = {
  docketNumber: '(2026)浙0102民特12号',
  decidedOn: '2026-03-01',
  effectiveOn: '2026-03-15',
  agency: '杭州市上城区人民法院',
  notes: '不公开的备注',
};

describe('the facts a caseworker screen shows, as on a date', () => {
  it('tells why the case closed while it is closed, by the closure in force that day', () => {
    const events = [
      childIdentified(),
      closed('2026-02-01T09:00:00+08:00', '收养'),
      event('CaseReopened', { reason: '收养未成', reopenedAt: '2026-02-10T09:00:00+08:00' }),
      closed('2026-03-01T09:00:00+08:00', '迁出'),
    ];
    expect(viewOn(events, '2026-01-20').closedReason).toBeNull();
    expect(viewOn(events, '2026-02-05').closedReason).toBe('收养');
    expect(viewOn(events, '2026-02-20').closedReason).toBeNull();
    expect(viewOn(events, '2026-03-02').closedReason).toBe('迁出');
  });

  it('shows the education on record that day, not one recorded later', () => {
    const events = [
      childIdentified(),
      education('2025-09-01T09:00:00+08:00', 'SENIOR_SECONDARY'),
      education('2026-09-01T09:00:00+08:00', 'UNDERGRADUATE'),
    ];
    expect(viewOn(events, '2025-08-01').education).toBeNull();
    expect(viewOn(events, '2026-03-01').education).toMatchObject({
      level: 'SENIOR_SECONDARY',
      expectedGraduation: '2026-06-30',
    });
    expect(viewOn(events, '2026-10-01').education?.level).toBe('UNDERGRADUATE');
  });

  it('keeps the scores of the latest assessment and the latest visit', () => {
    const view = viewOn(
      [
        childIdentified(),
        riskAssessed('RED'),
        event('VisitRecorded', { visitedAt: '2026-02-03T10:00:00+08:00', notes: null }),
        event('VisitRecorded', { visitedAt: '2026-02-01T10:00:00+08:00', notes: null }),
      ],
      '2026-03-01',
    );
    expect(view.riskScores).toEqual({ guardianshipRisk: 3, livingRisk: 0, behaviourRisk: 0 });
    expect(view.lastVisitAt).toBe('2026-02-03T10:00:00+08:00');
  });

  it('lists every court and procuratorate act with its docket, and no person named in it', () => {
    const view = viewOn(
      [
        childIdentified(),
        event('RevocationPetitioned', { ...act, petitioner: '测试舅舅' }),
        event('ProcuratorateSupportFiled', { ...act, agency: '杭州市上城区人民检察院' }),
        event('GuardianshipRevoked', {
          ...act,
          revokedGuardian: { kind: 'RELATIVE', name: '测试外婆', relation: 'grandmother' },
          newGuardian: { kind: 'CIVIL_AFFAIRS', name: '上城区民政局', relation: null },
        }),
      ],
      '2026-03-01',
    );
    expect(view.guardianshipActs.map((a) => a.act)).toEqual([
      'REVOCATION_PETITIONED',
      'PROCURATORATE_SUPPORT_FILED',
      'GUARDIANSHIP_REVOKED',
    ]);
    expect(view.guardianshipActs[2]).toEqual({
      act: 'GUARDIANSHIP_REVOKED',
      docketNumber: act.docketNumber,
      agency: act.agency,
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-15',
    });
    expect(JSON.stringify(view.guardianshipActs)).not.toMatch(/测试|备注/);
  });

  it('says when protection ends: the 18th birthday without study', () => {
    expect(viewOn([childIdentified()], '2026-03-01').protectionEndsOn).toBe('2030-05-10');
  });
});

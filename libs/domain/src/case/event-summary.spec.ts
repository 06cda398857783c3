import fc from 'fast-check';
import { CASE_EVENT_TYPES, type CaseEvent } from './case.events';
import { eventSummary } from './event-summary';
import { CHILD_NAME, childIdentified, event, ID_NUMBER } from '../testing/fixtures';

const act = {
  docketNumber: '(2026)浙0102民特12号',
  decidedOn: '2026-03-01',
  effectiveOn: '2026-03-15',
  agency: '杭州市上城区人民法院',
  notes: '私密备注',
};
const person = { kind: 'RELATIVE' as const, name: '测试外婆', relation: '外婆' };

/** One event of every type, carrying names, an ID number and free text wherever it can. */
const EXAMPLES: CaseEvent[] = [
  childIdentified({ sourceDetail: '私密备注' }),
  event('RiskAssessed', {
    guardianshipRisk: 3,
    livingRisk: 1,
    behaviourRisk: 0,
    level: 'RED',
    assessedAt: '2026-01-06T10:00:00+08:00',
    notes: '私密备注',
  }),
  event('CategoriesDetermined', { categories: ['ORPHAN'], determinedAt: '2026-01-07T10:00:00Z' }),
  event('ProgrammeEnrolled', {
    programme: 'TEMPORARY_ASSISTANCE',
    effectiveFrom: '2026-02-01',
    fastTrack: true,
    amountFen: 50000,
  }),
  event('ProgrammeEnded', {
    programme: 'CARE_SERVICES',
    effectiveTo: '2026-02-28',
    reason: '私密备注',
  }),
  event('EducationRecorded', {
    level: 'UNDERGRADUATE',
    fullTime: true,
    expectedGraduation: '2030-06-30',
    recordedAt: '2026-09-01T09:00:00+08:00',
  }),
  event('GraduationRecorded', { graduatedOn: '2030-06-30' }),
  event('AgedOut', { on: '2030-05-10', reviewedOn: '2030-05-10' }),
  event('ProtectionExtended', {
    from: '2030-05-10',
    level: 'UNDERGRADUATE',
    reviewedOn: '2030-05-10',
  }),
  event('ProtectionEnded', { on: '2030-06-30', reason: 'GRADUATED' }),
  event('GraduationGrantAwarded', {
    graduatedOn: '2030-06-30',
    month: '2030-06',
    amountFen: 1380000,
    monthlyStandardFen: 230000,
    months: 6,
  }),
  event('CaseworkerAssigned', { caseworkerId: 'director-9', assignedAt: '2026-01-08T10:00:00Z' }),
  event('VisitRecorded', { visitedAt: '2026-01-09T10:00:00Z', notes: `见到${CHILD_NAME}` }),
  event('CaseTransferred', {
    fromRegionCode: '330102001001',
    toRegionCode: '370302002003',
    transferredAt: '2026-01-10T10:00:00Z',
  }),
  event('CaseClosed', { reason: `${CHILD_NAME}被收养`, closedAt: '2026-01-11T10:00:00Z' }),
  event('CaseReopened', { reason: '私密备注', reopenedAt: '2026-01-12T10:00:00Z' }),
  event('CaseCorrected', {
    field: 'idNumber',
    from: ID_NUMBER,
    to: ID_NUMBER.replace(/^33/, '37'),
    reason: '私密备注',
    correctsRevision: 0,
    correctedAt: '2026-01-13T10:00:00Z',
  }),
  event('GuardianshipCrisisReported', {
    kind: 'LACKING',
    reportedAt: '2026-01-14T10:00:00Z',
    notes: '私密备注',
  }),
  event('GuardianUrged', { urgedAt: '2026-01-15T10:00:00Z', notes: '私密备注' }),
  event('RevocationPetitioned', { ...act, petitioner: '测试舅舅' }),
  event('ProcuratorateSupportFiled', act),
  event('GuardianshipRevoked', { ...act, revokedGuardian: person, newGuardian: null }),
  event('GuardianAppointed', { ...act, newGuardian: { ...person, name: '测试姨妈' } }),
  event('GuardianshipRestored', { ...act, restoredGuardian: person }),
  event('PersonalInformationErased', {
    reason: `${CHILD_NAME}的保护目的已实现`,
    erasedAt: '2026-01-20T10:00:00Z',
  }),
  event('MonitoringSignalRaised', {
    signalId: 'signal-1',
    kind: 'CATEGORY_EVIDENCE_FOUND',
    rosterKind: 'MINIMUM_LIVING',
    category: 'MINIMUM_LIVING',
    asOf: '2026-01-20',
    importId: 'import-1',
    raisedAt: '2026-01-21T10:00:00Z',
  }),
  event('MonitoringSignalResolved', {
    signalId: 'signal-1',
    resolution: `私密备注：走访${CHILD_NAME}后认定`,
    resolvedAt: '2026-01-22T10:00:00Z',
  }),
];

describe('eventSummary', () => {
  it('has an example of every event type', () => {
    expect(new Set(EXAMPLES.map((e) => e.type))).toEqual(new Set(CASE_EVENT_TYPES));
  });

  it.each(EXAMPLES.map((e) => [e.type, e] as const))(
    '%s: says what happened with no name, ID number or free text',
    (_type, e) => {
      const summary = eventSummary(e);
      expect(summary.length).toBeGreaterThan(5);
      for (const secret of [CHILD_NAME, ID_NUMBER, ID_NUMBER.slice(6, 14), '测试', '私密', '外婆'])
        expect(summary).not.toContain(secret);
    },
  );

  it('carries the docket numbers, amounts, scores and dates a caseworker needs', () => {
    const text = EXAMPLES.map(eventSummary).join('\n');
    expect(text).toContain('(2026)浙0102民特12号');
    expect(text).toContain('500.00 yuan');
    expect(text).toContain('RED (guardianship 3, living 1, behaviour 0)');
    expect(text).toContain('13800.00 yuan (6 months at 2300.00)');
  });

  it('never echoes a visit note, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3 }), (notes) => {
        const summary = eventSummary(
          event('VisitRecorded', { visitedAt: '2026-01-09T10:00:00Z', notes }),
        );
        return !summary.includes(notes) || '走访 / visit recorded'.includes(notes);
      }),
    );
  });
});

import { DEFAULT_POLICY } from '@app/domain';
import { ASSESSED_RISK, policyWithoutVisitIntervals } from '../testing/risk-fixtures';
import { ScenarioLog } from '../testing/scenario-log';
import { ZIBO, ziboScenario } from '../testing/zibo-scenario';
import { projectBatch } from './project-batch';

const CASE = '0b000000-0000-4000-8000-000000000001';

function identified(): ScenarioLog {
  const log = new ScenarioLog();
  log.identify(CASE, {
    regionCode: '370303001001',
    birthDate: '2012-05-10',
    categories: ['ORPHAN'],
  });
  return log;
}

describe('projectBatch', () => {
  it('folds a case with the domain and emits its summary and dated rows', () => {
    const log = identified();
    log.command(CASE, 'AssessRisk', ASSESSED_RISK);
    log.command(CASE, 'EnrollInProgramme', {
      programme: 'MEDICAL_ASSISTANCE',
      effectiveFrom: '2026-01-01',
    });

    const result = projectBatch(log.events, new Map(), DEFAULT_POLICY);

    expect(result.failure).toBeNull();
    expect(result.checkpoint).toBe('3');
    expect(result.covered).toBe(3);
    const [record] = result.changes.cases;
    expect(record.summary).toMatchObject({
      caseId: CASE,
      riskLevel: 'YELLOW',
      nextVisitDue: '2026-11-16',
      eighteenthBirthday: '2030-05-10',
      categories: ['ORPHAN'],
      revision: 2,
      position: '3',
    });
    // identified 2024-01-15, enrolled from 2026-01-01, 18 on 2030-05-10
    expect(record.statuses).toEqual([
      {
        caseId: CASE,
        seq: 0,
        from: '2024-01-15',
        to: '2026-01-01',
        status: 'IDENTIFIED',
        open: true,
      },
      {
        caseId: CASE,
        seq: 1,
        from: '2026-01-01',
        to: '2030-05-10',
        status: 'ENROLLED',
        open: true,
      },
      { caseId: CASE, seq: 2, from: '2030-05-10', to: null, status: 'AGED_OUT', open: false },
    ]);
    expect(record.categories).toEqual([
      { caseId: CASE, seq: 0, from: '2024-01-15', to: null, categories: ['ORPHAN'] },
    ]);
    // medical assistance pays no money through a roll
    expect(record.regions).toEqual([
      {
        caseId: CASE,
        seq: 0,
        from: '0001-01-01',
        to: null,
        regionCode: '370303001001',
        pays: false,
      },
    ]);
  });

  it('continues a case from the snapshot it was given', () => {
    const log = identified();
    const first = projectBatch(log.events, new Map(), DEFAULT_POLICY);
    log.command(CASE, 'AssignCaseworker', { caseworkerId: 'director-9' });
    const snapshots = new Map([[CASE, first.changes.cases[0].snapshot]]);

    const second = projectBatch(log.events.slice(1), snapshots, DEFAULT_POLICY);

    expect(second.changes.cases[0].summary).toMatchObject({
      caseworkerId: 'director-9',
      revision: 1,
    });
  });

  it('keeps a standard as a row ordered by its stream and revision', () => {
    const log = new ScenarioLog();
    log.standard('3703', 'DE_FACTO_UNSUPPORTED', 197800, '2024-01-01');

    const { changes } = projectBatch(log.events, new Map(), DEFAULT_POLICY);

    expect(changes.standards).toEqual([
      {
        streamId: 'benefit-standard-3703-DE_FACTO_UNSUPPORTED',
        revision: 0,
        regionCode: '3703',
        category: 'DE_FACTO_UNSUPPORTED',
        monthlyAmountFen: 197800,
        effectiveFrom: '2024-01-01',
      },
    ]);
  });

  it('covers events of streams no read model reads without changing anything', () => {
    const log = new ScenarioLog();
    log.record('roster-import-0123', 'RosterImported', { importId: 'i' });
    log.record('idres-0123', 'IdentityReserved', { caseId: CASE });

    const result = projectBatch(log.events, new Map(), DEFAULT_POLICY);

    expect(result).toMatchObject({ checkpoint: '2', covered: 2, failure: null });
    expect(result.changes).toEqual({ cases: [], standards: [], rolls: [], idKeys: [] });
  });

  it('keeps which case holds the keyed hash of a reservation stream', () => {
    const log = new ScenarioLog();
    log.record('idres-0123', 'IdNumberReserved', { caseId: CASE });
    log.record('idres-0123', 'IdNumberReleased', { caseId: CASE, reason: 'closed' });

    const result = projectBatch(log.events, new Map(), DEFAULT_POLICY);

    expect(result.changes.idKeys).toEqual([
      { idHash: '0123', caseId: CASE, held: true },
      { idHash: '0123', caseId: CASE, held: false },
    ]);
  });

  describe('when it meets an event it cannot handle', () => {
    it('stops there, naming its position and type, with the events before it kept', () => {
      const log = identified();
      log.record(`case-${CASE}`, 'ChildTeleported', { to: 'moon' });
      log.command(CASE, 'AssignCaseworker', { caseworkerId: 'director-9' });

      const result = projectBatch(log.events, new Map(), DEFAULT_POLICY);

      expect(result.failure).toEqual({
        projection: 'case-summary',
        position: '2',
        type: 'ChildTeleported',
        streamId: `case-${CASE}`,
        error: 'unknown case event type ChildTeleported',
      });
      expect(result.checkpoint).toBe('1');
      expect(result.covered).toBe(1);
      expect(result.changes.cases.map((c) => c.summary.revision)).toEqual([0]);
    });

    it('refuses an event of a case never identified', () => {
      const log = new ScenarioLog();
      log.record(`case-${CASE}`, 'VisitRecorded', {
        visitedAt: '2026-01-01T00:00:00+08:00',
        notes: null,
      });

      const result = projectBatch(log.events, new Map(), DEFAULT_POLICY);

      expect(result.failure?.error).toBe('VisitRecorded before the case was identified');
      expect(result.checkpoint).toBeNull();
    });

    it('stops at the event after which a row could not be derived, with the events before it kept', () => {
      const log = identified();
      log.command(CASE, 'AssessRisk', ASSESSED_RISK);
      log.command(CASE, 'AssignCaseworker', { caseworkerId: 'director-9' });
      const result = projectBatch(log.events, new Map(), policyWithoutVisitIntervals());

      expect(result.failure).toMatchObject({
        projection: 'case-summary',
        position: '2',
        type: 'RiskAssessed',
      });
      expect(result).toMatchObject({ checkpoint: '1', covered: 1 });
      expect(result.changes.cases.map((c) => c.statuses.map((p) => p.status))).toEqual([
        ['IDENTIFIED', 'AGED_OUT'],
      ]);
    });

    it('refuses a malformed standard', () => {
      const log = new ScenarioLog();
      log.record('benefit-standard-3703-ORPHAN', 'BenefitStandardSet', { regionCode: '3703' });

      const result = projectBatch(log.events, new Map(), DEFAULT_POLICY);

      expect(result.failure).toMatchObject({ projection: 'standards', position: '1' });
    });
  });

  it('projects the whole Zibo scenario without a failure', () => {
    const log = ziboScenario();

    const result = projectBatch(log.events, new Map(), DEFAULT_POLICY);

    expect(result.failure).toBeNull();
    expect(result.covered).toBe(log.events.length);
    const graduate = result.changes.cases.find((c) => c.summary.caseId === ZIBO.graduate);
    expect(graduate?.statuses.map((p) => [p.from, p.status])).toEqual([
      ['2024-01-15', 'IDENTIFIED'],
      ['2024-02-01', 'ENROLLED'],
      ['2024-06-15', 'EXTENDED'],
      ['2026-06-30', 'AGED_OUT'],
    ]);
    expect(graduate?.regions[0].pays).toBe(true);
  });
});

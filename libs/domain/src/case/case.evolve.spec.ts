import { DEFAULT_POLICY } from '../policy/case-policy';
import { foldCase } from './case.decider';
import { CASE_EVENT_TYPES } from './case.events';
import { initialCaseState, type ExistingCase } from './case.state';
import { evolve } from './case.evolve';
import { businessTimeOf } from './business-time';
import { caseView } from '../timeline/case-on';
import {
  childIdentified,
  closed,
  enrolled,
  event,
  ID_NUMBER,
  riskAssessed,
} from '../testing/fixtures';

const fold = (...events: Parameters<typeof foldCase>[0]) => foldCase(events) as ExistingCase;

describe('evolving a case', () => {
  it('starts with no case, and ignores anything before identification', () => {
    expect(initialCaseState()).toEqual({ status: 'NONE' });
    expect(evolve(initialCaseState(), riskAssessed())).toEqual({ status: 'NONE' });
  });

  it('walks IDENTIFIED -> ASSESSED -> ENROLLED -> CLOSED', () => {
    expect(fold(childIdentified()).status).toBe('IDENTIFIED');
    expect(fold(childIdentified(), riskAssessed()).status).toBe('ASSESSED');
    expect(fold(childIdentified(), riskAssessed(), enrolled('CARE_SERVICES')).status).toBe(
      'ENROLLED',
    );
    expect(
      fold(childIdentified(), riskAssessed(), enrolled('CARE_SERVICES'), closed()).status,
    ).toBe('CLOSED');
  });

  it('does not count a one-off grant as a running programme', () => {
    const grant = event('ProgrammeEnrolled', {
      programme: 'TEMPORARY_ASSISTANCE',
      effectiveFrom: '2026-02-01',
      fastTrack: true,
      amountFen: 100000,
    });
    const state = fold(childIdentified(), riskAssessed(), grant);
    expect(state.status).toBe('ASSESSED');
    expect(state.programmes[0]).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-01',
      oneOff: true,
      amountFen: 100000,
    });
  });

  it('keeps extension and age-out in the status', () => {
    const ext = event('ProtectionExtended', {
      from: '2030-05-10',
      level: 'UNDERGRADUATE',
      reviewedOn: '2030-05-10',
    });
    expect(fold(childIdentified(), ext).status).toBe('EXTENDED');
    const ended = event('ProtectionEnded', { on: '2031-06-30', reason: 'GRADUATED' });
    const state = fold(childIdentified(), ext, ended);
    expect(state.status).toBe('AGED_OUT');
    expect(state.protectionEnd).toEqual({ on: '2031-06-30', reason: 'GRADUATED' });
  });

  it('handles every event type', () => {
    // the `never` check in evolve makes this a compile-time guarantee; this keeps the list honest
    expect(new Set(CASE_EVENT_TYPES).size).toBe(27);
  });
});

describe('business time of events', () => {
  it('uses the date-time an event carries, or midnight China time of its date', () => {
    expect(businessTimeOf(childIdentified())).toBe('2026-01-05T09:00:00+08:00');
    expect(businessTimeOf(enrolled('CARE_SERVICES', '2026-02-01'))).toBe(
      '2026-02-01T00:00:00+08:00',
    );
    const act = event('GuardianAppointed', {
      docketNumber: 'd',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-15',
      agency: 'court',
      notes: null,
      newGuardian: { kind: 'RELATIVE', name: '测试姨妈', relation: null },
    });
    expect(businessTimeOf(act)).toBe('2026-03-15T00:00:00+08:00');
  });
});

describe('the case view', () => {
  it('gives what the GraphQL Case needs, with the ID number masked', () => {
    const view = caseView(
      fold(childIdentified(), riskAssessed('RED', '2026-03-01T10:00:00+08:00')),
      '2026-03-02',
      () => null,
      DEFAULT_POLICY,
    );
    expect(view).toMatchObject({
      status: 'ASSESSED',
      riskLevel: 'RED',
      birthDate: '2012-05-10',
      guardian: { kind: 'RELATIVE', name: '测试外婆' },
      nextVisitDue: '2026-03-08',
    });
    expect(view.child.idNumberMasked).toBe(`${ID_NUMBER.slice(0, 6)}************`);
  });
});

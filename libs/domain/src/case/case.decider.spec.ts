import { NotFound } from '../shared/errors';
import { DEFAULT_POLICY } from '../policy/case-policy';
import { caseDecider, decide } from './case.decider';
import { childIdentified, command, riskAssessed } from '../testing/fixtures';
import { foldCase } from './case.decider';

describe('the case decider', () => {
  it('routes each command to its rule', () => {
    const state = foldCase([childIdentified(), riskAssessed()]);
    const events = caseDecider(DEFAULT_POLICY).decide(
      command('RecordVisit', { visitedAt: '2026-03-03T15:00:00+08:00' }),
      state,
    );
    expect(events.map((e) => e.type)).toEqual(['VisitRecorded']);
  });

  it('refuses commands on a case that does not exist', () => {
    expect(() =>
      decide(
        command('CloseCase', { reason: 'x', closedAt: '2026-03-03T15:00:00+08:00' }),
        caseDecider(DEFAULT_POLICY).initialState(),
        DEFAULT_POLICY,
      ),
    ).toThrow(NotFound);
  });

  it('takes other policy data', () => {
    const strict = caseDecider({
      ...DEFAULT_POLICY,
      eligibility: {
        ...DEFAULT_POLICY.eligibility,
        CARE_SERVICES: { kind: 'CATEGORIES', categories: ['ORPHAN'] },
      },
    });
    const state = foldCase([childIdentified()]);
    const enrol = command('EnrollInProgramme', {
      programme: 'CARE_SERVICES',
      effectiveFrom: '2026-02-01',
    });
    expect(caseDecider(DEFAULT_POLICY).decide(enrol, state)).toHaveLength(1);
    expect(() => strict.decide(enrol, state)).toThrow('Not eligible');
  });
});

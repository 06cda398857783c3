import { DEFAULT_POLICY } from '../policy/case-policy';
import { businessDateOf } from '../shared/dates';
import type { CaseEvent } from '../case/case.events';
import type { ExistingCase } from '../case/case.state';
import { caseView } from '../timeline/case-on';
import { CHILD_NAME, childIdentified, event, riskAssessed } from '../testing/fixtures';
import { foldCaseAsOf, type TimedCaseEvent } from './fold-as-of';

const court = {
  docketNumber: '(2026)浙0102民特12号',
  decidedOn: '2026-02-20',
  agency: '杭州市上城区人民法院',
  notes: null,
};
const grandmother = { kind: 'RELATIVE' as const, name: '测试外婆', relation: 'grandmother' };
const bureau = { kind: 'CIVIL_AFFAIRS' as const, name: '杭州市上城区民政局', relation: null };
const uncle = { kind: 'RELATIVE' as const, name: '测试舅舅', relation: 'uncle' };

/** A stream: [event, business time, recorded time], revisions in order. */
function stream(...entries: [CaseEvent, string, string][]): TimedCaseEvent[] {
  return entries.map(([event, occurredAt, recordedAt], revision) => ({
    revision,
    event,
    occurredAt,
    recordedAt,
  }));
}

const view = (events: TimedCaseEvent[], at: string, knownAt = '2099-01-01T00:00:00Z') => {
  const { state, revision } = foldCaseAsOf(events, at, knownAt);
  return state.status === 'NONE'
    ? { status: 'NONE' as const, revision }
    : {
        ...caseView(state as ExistingCase, businessDateOf(at), () => null, DEFAULT_POLICY),
        revision,
      };
};

// identified 01-05 (recorded at once), assessed RED 01-06, a court revocation effective 03-01
// that reaches the system only on 04-10
const late = stream(
  [childIdentified(), '2026-01-05T09:00:00+08:00', '2026-01-05T09:01:00+08:00'],
  [riskAssessed('RED'), '2026-01-06T10:00:00+08:00', '2026-01-06T10:01:00+08:00'],
  [
    event('GuardianshipRevoked', {
      ...court,
      effectiveOn: '2026-03-01',
      revokedGuardian: grandmother,
      newGuardian: bureau,
    }),
    '2026-03-01T00:00:00+08:00',
    '2026-04-10T15:00:00+08:00',
  ],
);

describe('the case at a moment, on both timelines', () => {
  it('is not there before it was identified, nor before it was recorded', () => {
    expect(view(late, '2026-01-04T00:00:00+08:00')).toEqual({ status: 'NONE', revision: -1 });
    expect(view(late, '2026-06-01T00:00:00+08:00', '2026-01-05T09:00:30+08:00')).toEqual({
      status: 'NONE',
      revision: -1,
    });
  });

  it('shows each event from its business time', () => {
    expect(view(late, '2026-01-05T12:00:00+08:00')).toMatchObject({
      status: 'IDENTIFIED',
      riskLevel: null,
      revision: 0,
    });
    expect(view(late, '2026-02-01T00:00:00+08:00')).toMatchObject({
      riskLevel: 'RED',
      guardian: { kind: 'RELATIVE' },
      revision: 1,
    });
  });

  it('shows a late court ruling where it took effect, once it was known', () => {
    const afterEffect = '2026-03-05T00:00:00+08:00';
    expect(view(late, afterEffect)).toMatchObject({ guardian: { kind: 'CIVIL_AFFAIRS' } });
    expect(view(late, afterEffect, '2026-04-01T00:00:00+08:00')).toMatchObject({
      guardian: { kind: 'RELATIVE', name: grandmother.name },
      revision: 1,
    });
    expect(view(late, '2026-02-28T00:00:00+08:00')).toMatchObject({
      guardian: { kind: 'RELATIVE' },
    });
  });

  it('folds the kept events in stream order, not re-sorted by business time', () => {
    // the court revokes (effective 03-01), then appoints the uncle back-dated to 02-25: in the
    // stream (and so in the live case) the appointment came second and stands
    const acts = stream(
      [childIdentified(), '2026-01-05T09:00:00+08:00', '2026-01-05T09:01:00+08:00'],
      [
        event('GuardianshipRevoked', {
          ...court,
          effectiveOn: '2026-03-01',
          revokedGuardian: grandmother,
          newGuardian: null,
        }),
        '2026-03-01T00:00:00+08:00',
        '2026-03-02T09:00:00+08:00',
      ],
      [
        event('GuardianAppointed', { ...court, effectiveOn: '2026-02-25', newGuardian: uncle }),
        '2026-02-25T00:00:00+08:00',
        '2026-03-03T09:00:00+08:00',
      ],
    );
    expect(view(acts, '2026-03-10T00:00:00+08:00')).toMatchObject({
      guardian: { name: uncle.name },
      revision: 2,
    });
    // between the two business times only the appointment is in effect
    expect(view(acts, '2026-02-27T00:00:00+08:00')).toMatchObject({
      guardian: { name: uncle.name },
    });
  });

  describe('a correction', () => {
    const corrected = stream(
      [childIdentified(), '2026-01-05T09:00:00+08:00', '2026-01-05T09:01:00+08:00'],
      [riskAssessed('RED'), '2026-01-06T10:00:00+08:00', '2026-01-06T10:01:00+08:00'],
      [
        event('CaseCorrected', {
          field: 'name',
          from: CHILD_NAME,
          to: '测试儿童乙',
          reason: 'misspelt at identification',
          correctsRevision: 0,
          correctedAt: '2026-03-10T10:00:00+08:00',
        }),
        '2026-03-10T10:00:00+08:00',
        '2026-03-10T10:00:01+08:00',
      ],
    );

    it('holds from the business time of the event it corrects, once recorded', () => {
      const early = '2026-01-05T12:00:00+08:00';
      expect(view(corrected, early)).toMatchObject({ child: { name: '测试儿童乙' }, revision: 2 });
    });

    it('is absent as known before it was recorded', () => {
      const known = '2026-03-01T00:00:00+08:00';
      expect(view(corrected, '2026-06-01T00:00:00+08:00', known)).toMatchObject({
        child: { name: CHILD_NAME },
        revision: 1,
      });
    });
  });
});

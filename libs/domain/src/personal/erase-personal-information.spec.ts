import { IllegalTransition, ValidationFailed } from '../shared/errors';
import { given } from '../testing/given-when-then';
import {
  CHILD_NAME,
  ID_NUMBER,
  NOW,
  childIdentified,
  closed,
  command,
  enrolled,
  event,
  riskAssessed,
} from '../testing/fixtures';
import { foldCase } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';

const ADMIN = { id: 'admin-1', role: 'ADMIN' as const };
const erase = (reason = 'purpose served (PIPL)') =>
  command('ErasePersonalInformation', { reason }, { actor: ADMIN });
const erased = event('PersonalInformationErased', {
  reason: 'purpose served (PIPL)',
  erasedAt: NOW,
});
const revoked = event('GuardianshipRevoked', {
  docketNumber: '(2026)浙0102民特12号',
  decidedOn: '2026-01-20',
  effectiveOn: '2026-01-21',
  agency: '杭州市上城区人民法院',
  notes: '外婆测试外婆无力照料',
  revokedGuardian: { kind: 'RELATIVE', name: '测试外婆', relation: 'grandmother' },
  newGuardian: { kind: 'RELATIVE', name: '测试姨妈', relation: 'aunt' },
});

describe('erasePersonalInformation', () => {
  describe('when the case is closed', () => {
    const history: CaseEvent[] = [childIdentified(), riskAssessed(), closed()];

    it('records that the personal information was erased, naming no person', () => {
      given(history).when(erase()).then([erased]);
    });

    it('refuses an empty reason, naming the field', () => {
      const error = given(history).when(erase('  ')).thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual(['reason']);
    });

    it('records nothing a second time (a retry only destroys the key and purges again)', () => {
      given([...history, erased])
        .when(erase())
        .thenNothing();
    });

    it('is never reopened afterwards', () => {
      given([...history, erased])
        .when(
          command('ReopenCase', { reason: 'new report', reopenedAt: '2026-03-01T10:00:00+08:00' }),
        )
        .thenThrows(IllegalTransition);
    });
  });

  it('erases an aged-out case', () => {
    const agedOut = event('AgedOut', { on: '2026-03-01', reviewedOn: '2026-03-01' });
    given([childIdentified(), agedOut]).when(erase()).then([erased]);
  });

  describe('when the case is open', () => {
    it.each([
      ['identified', [childIdentified()]],
      ['assessed', [childIdentified(), riskAssessed()]],
      ['enrolled', [childIdentified(), riskAssessed(), enrolled('BASIC_LIVING_ALLOWANCE')]],
    ])('refuses a case %s', (_, events) => {
      given(events).when(erase()).thenThrows(IllegalTransition);
    });
  });

  it('leaves no name, ID number or guardian name in the folded case, its history included', () => {
    const state = foldCase([
      childIdentified({ sourceDetail: '邻居报告' }),
      revoked,
      closed(),
      erased,
    ]);
    if (state.status === 'NONE') throw new Error('no case');
    expect(state.erased).toBe(true);
    expect(state.child).toEqual({ name: null, idNumber: null });
    const text = JSON.stringify(state);
    for (const personal of [CHILD_NAME, ID_NUMBER, '测试外婆', '测试姨妈', '邻居报告'])
      expect(text).not.toContain(personal);
    expect(state.guardian?.kind).toBe('RELATIVE');
    expect(state.status).toBe('CLOSED');
  });
});

import { IllegalTransition, NotFound, ValidationFailed } from '../shared/errors';
import { given } from '../testing/given-when-then';
import {
  childIdentified,
  closed,
  command,
  enrolled,
  event,
  NOW,
  OTHER_VILLAGE,
  riskAssessed,
  VILLAGE,
} from '../testing/fixtures';

const visit = (visitedAt = '2026-03-03T15:00:00+08:00') => command('RecordVisit', { visitedAt });

describe('business time', () => {
  // NOW is 2026-03-10T10:00:00+08:00
  it('refuses a visit later today, and allows a device clock a few minutes fast', () => {
    const error = given([childIdentified()])
      .when(visit('2026-03-10T18:00:00+08:00'))
      .thenThrows(ValidationFailed);
    expect(error.fields).toEqual([{ field: 'visitedAt', message: 'must not be in the future' }]);
    given([childIdentified()])
      .when(visit('2026-03-10T02:04:00Z'))
      .then([event('VisitRecorded', { visitedAt: '2026-03-10T02:04:00Z', notes: null })]);
  });
});
const transfer = (toRegionCode = OTHER_VILLAGE) =>
  command('TransferCase', { toRegionCode, transferredAt: '2026-03-04T09:00:00+08:00' });
const close = (reason = '收养') =>
  command('CloseCase', { reason, closedAt: '2026-03-05T09:00:00+08:00' });
const reopen = (reopenedAt = '2026-03-06T09:00:00+08:00') =>
  command('ReopenCase', { reason: '收养未成', reopenedAt });

describe('assigning a caseworker', () => {
  it('assigns, at the time of the command', () => {
    given([childIdentified()])
      .when(command('AssignCaseworker', { caseworkerId: 'director-9' }))
      .then([event('CaseworkerAssigned', { caseworkerId: 'director-9', assignedAt: NOW })]);
  });

  it('refuses the caseworker already assigned', () => {
    const assigned = event('CaseworkerAssigned', { caseworkerId: 'director-9', assignedAt: NOW });
    given([childIdentified(), assigned])
      .when(command('AssignCaseworker', { caseworkerId: 'director-9' }))
      .thenThrows(IllegalTransition);
  });
});

describe('recording a visit', () => {
  describe('when open', () => {
    it('records it and moves the visit clock forward only', () => {
      const history = [childIdentified(), riskAssessed()];
      given(history)
        .when(visit())
        .then([event('VisitRecorded', { visitedAt: '2026-03-03T15:00:00+08:00', notes: null })]);
      const later = event('VisitRecorded', { visitedAt: '2026-03-08T09:00:00+08:00', notes: null });
      const state = given([...history, later])
        .when(visit())
        .thenState();
      expect(state.status !== 'NONE' && state.lastVisitAt).toBe('2026-03-08T09:00:00+08:00');
    });

    it('refuses a visit in the future or before identification', () => {
      given([childIdentified()])
        .when(visit('2026-03-12T09:00:00+08:00'))
        .thenThrows(ValidationFailed);
      given([childIdentified()])
        .when(visit('2025-12-01T09:00:00+08:00'))
        .thenThrows(ValidationFailed);
    });
  });

  describe('before identification', () => {
    it('finds no case', () => {
      given([]).when(visit()).thenThrows(NotFound);
    });
  });

  describe('when closed', () => {
    it('refuses', () => {
      given([childIdentified(), closed()]).when(visit()).thenThrows(IllegalTransition);
    });
  });
});

describe('transferring a case', () => {
  it('moves the case and unassigns the old village caseworker', () => {
    const assigned = event('CaseworkerAssigned', { caseworkerId: 'director-9', assignedAt: NOW });
    const result = given([childIdentified(), assigned]).when(transfer());
    result.then([
      event('CaseTransferred', {
        fromRegionCode: VILLAGE,
        toRegionCode: OTHER_VILLAGE,
        transferredAt: '2026-03-04T09:00:00+08:00',
      }),
    ]);
    const state = result.thenState();
    expect(state.status !== 'NONE' && [state.regionCode, state.caseworkerId]).toEqual([
      OTHER_VILLAGE,
      null,
    ]);
  });

  it('refuses the same region and a region that is not a village', () => {
    given([childIdentified()]).when(transfer(VILLAGE)).thenThrows(IllegalTransition);
    given([childIdentified()]).when(transfer('3703')).thenThrows(ValidationFailed);
  });
});

describe('closing and reopening', () => {
  describe('when open', () => {
    it('closes with a reason', () => {
      given([childIdentified()])
        .when(close())
        .then([closed('2026-03-05T09:00:00+08:00', '收养')]);
    });

    it('refuses to reopen an open case', () => {
      given([childIdentified()]).when(reopen()).thenThrows(IllegalTransition);
    });

    it('refuses a close without a reason', () => {
      given([childIdentified()]).when(close(' ')).thenThrows(ValidationFailed);
    });
  });

  describe('when closed', () => {
    const assessedAndClosed = [
      childIdentified(),
      riskAssessed(),
      closed('2026-03-05T09:00:00+08:00'),
    ];

    it('refuses to close again', () => {
      given(assessedAndClosed).when(close()).thenThrows(IllegalTransition);
    });

    it('reopens to the status its history gives', () => {
      expect(given(assessedAndClosed).when(reopen()).thenState().status).toBe('ASSESSED');
      const withProgramme = [
        childIdentified(),
        enrolled('CARE_SERVICES'),
        closed('2026-03-05T09:00:00+08:00'),
      ];
      expect(given(withProgramme).when(reopen()).thenState().status).toBe('ENROLLED');
      expect(given([childIdentified(), closed()]).when(reopen()).thenState().status).toBe(
        'IDENTIFIED',
      );
    });

    it('refuses a reopening before the closure', () => {
      given(assessedAndClosed)
        .when(reopen('2026-03-04T09:00:00+08:00'))
        .thenThrows(ValidationFailed);
    });

    it('leaves a gap in protection between closing and reopening', () => {
      const state = given(assessedAndClosed).when(reopen('2026-03-08T09:00:00+08:00')).thenState();
      expect(state.status !== 'NONE' && state.history.closures).toEqual([
        { from: '2026-03-05', to: '2026-03-08', reason: 'moved away' },
      ]);
    });
  });

  describe('when aged out', () => {
    it('closes', () => {
      const agedOut = [
        childIdentified({ birthDate: '2008-01-20' }),
        event('AgedOut', { on: '2026-01-20', reviewedOn: '2026-01-20' }),
      ];
      given(agedOut)
        .when(close('年满18周岁'))
        .then([closed('2026-03-05T09:00:00+08:00', '年满18周岁')]);
      const reopened = given([...agedOut, closed('2026-03-05T09:00:00+08:00')])
        .when(reopen())
        .thenState();
      expect(reopened.status).toBe('AGED_OUT');
    });
  });
});

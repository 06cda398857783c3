import { IllegalTransition, NotFound, ValidationFailed } from '../shared/errors';
import { makeFictionalIdNumber } from '../identity/id-number';
import { childIdentified, closed, command, event } from '../testing/fixtures';
import { given } from '../testing/given-when-then';
import { csvFields } from './csv-fields';
import { checkRosterRow, isRosterHeader } from './roster-row';
import type { Evidence } from './signals';

const found: Evidence = {
  kind: 'CATEGORY_EVIDENCE_FOUND',
  rosterKind: 'MINIMUM_LIVING',
  category: 'MINIMUM_LIVING',
  asOf: '2026-03-01',
  importId: 'import-1',
};
const raised = (e: Evidence, signalId = 'sig-1', raisedAt = '2026-03-10T10:00:00+08:00') =>
  event('MonitoringSignalRaised', { ...e, signalId, raisedAt });
const raise = (e: Evidence, signalId = 'sig-2') =>
  command('RaiseMonitoringSignals', { evidence: [{ ...e, signalId }] });

describe('monitoring signals on a case', () => {
  describe('when the case lacks the category a roster implies', () => {
    it('raises CATEGORY_EVIDENCE_FOUND with the roster kind and date', () => {
      given([childIdentified()])
        .when(raise(found, 'sig-1'))
        .then([raised(found)]);
    });

    it('raises nothing twice for the same evidence, open or resolved after the roster date', () => {
      given([childIdentified(), raised(found)])
        .when(raise(found))
        .thenNothing();
      given([childIdentified(), raised(found)])
        .when(raise({ ...found, asOf: '2026-04-01' }))
        .thenNothing();
      const resolved = event('MonitoringSignalResolved', {
        signalId: 'sig-1',
        resolution: 'checked',
        resolvedAt: '2026-03-12T10:00:00+08:00',
      });
      given([childIdentified(), raised(found), resolved])
        .when(raise(found))
        .thenNothing();
      // a roster dated after the decision is new evidence
      const later = { ...found, asOf: '2026-04-01' };
      given([childIdentified(), raised(found), resolved])
        .when(raise(later))
        .then([raised(later, 'sig-2')]);
    });
  });

  it('raises no category evidence the case already answers', () => {
    given([childIdentified({ categories: ['MINIMUM_LIVING'] })])
      .when(raise(found))
      .thenNothing();
    const lapsed = { ...found, kind: 'CATEGORY_EVIDENCE_LAPSED' as const };
    given([childIdentified()]).when(raise(lapsed)).thenNothing();
    given([childIdentified({ categories: ['MINIMUM_LIVING'] })])
      .when(raise(lapsed))
      .then([raised(lapsed, 'sig-2')]);
  });

  it('writes nothing on a closed case, and refuses an unknown one', () => {
    given([childIdentified(), closed()]).when(raise(found)).thenNothing();
    given([]).when(raise(found)).thenThrows(NotFound);
  });

  it('is resolved once, with a reason', () => {
    const resolve = (resolution: string, signalId = 'sig-1') =>
      command('ResolveSignal', { signalId, resolution });
    const history = [childIdentified(), raised(found)];
    given(history)
      .when(resolve(' visited '))
      .then([
        event('MonitoringSignalResolved', {
          signalId: 'sig-1',
          resolution: 'visited',
          resolvedAt: '2026-03-10T10:00:00+08:00',
        }),
      ]);
    given(history).when(resolve('')).thenThrows(ValidationFailed);
    given(history).when(resolve('x', 'other')).thenThrows(NotFound);
    const done = event('MonitoringSignalResolved', {
      signalId: 'sig-1',
      resolution: 'x',
      resolvedAt: '2026-03-10T10:00:00+08:00',
    });
    given([...history, done])
      .when(resolve('again'))
      .thenThrows(IllegalTransition);
  });
});

describe('roster rows', () => {
  const id = makeFictionalIdNumber('370303', '2015-01-01', 5);
  const today = '2026-11-01';

  it('splits CSV with quotes, and refuses a quote left open', () => {
    expect(csvFields('a,"b, c","d ""e"""')).toEqual(['a', 'b, c', 'd "e"']);
    expect(csvFields('a,,')).toEqual(['a', '', '']);
    expect(csvFields('"open,b')).toBeNull();
    // linear: a hostile line of quotes is answered at once
    expect(csvFields('"'.repeat(100_001))).toBeNull();
  });

  it('knows its header', () => {
    expect(isRosterHeader(['id_number', 'name', ' Region_Code '])).toBe(true);
    expect(isRosterHeader(['id', 'name', 'region_code'])).toBe(false);
  });

  it('names every bad column, never its value', () => {
    expect(checkRosterRow([id, '甲', '370303001001'], today, ['3703'])).toEqual({
      row: { idNumber: id, name: '甲', regionCode: '370303001001' },
    });
    const badCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(checkRosterRow([badCheck, '', '330102001001'], today, ['3703'])).toEqual({
      fields: ['id_number', 'name', 'region_code'],
    });
    expect(checkRosterRow([id, '甲'], today, ['*'])).toEqual({ fields: ['region_code'] });
    expect(checkRosterRow([id, '甲', '370303001001', 'x'], today, ['*'])).toEqual({
      fields: ['columns'],
    });
  });
});

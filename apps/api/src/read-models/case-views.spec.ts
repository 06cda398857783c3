import { DEFAULT_POLICY } from '@app/domain';
import {
  foldCase,
  makeFictionalIdNumber,
  maskIdNumber,
  type ExistingCase,
  type StandardLookup,
} from '@app/domain';
import { childIdentified, enrolled } from '@app/domain/testing';
import type { CaseSnapshot } from '@app/read-models';
import { CaseViews } from './case-views';

const ID_NUMBER = makeFictionalIdNumber('370302', '2014-05-06', 123);

/** A stored case with one running basic living allowance (fictional data). */
const read = (): CaseSnapshot => {
  const state = foldCase([
    childIdentified({
      caseId: 'c-1',
      child: { name: 'fictional', idNumber: ID_NUMBER },
      birthDate: '2014-05-06',
      regionCode: '370302001001',
      identifiedAt: '2024-01-10T09:00:00+08:00',
    }),
    enrolled('BASIC_LIVING_ALLOWANCE', '2024-02-01'),
  ]) as ExistingCase;
  return { state, revision: 3, position: '10' };
};

const standardOf =
  (fen: number): StandardLookup =>
  () =>
    fen;

describe('CaseViews', () => {
  it('shapes a read once per day and standards, amounts included', () => {
    const views = new CaseViews(DEFAULT_POLICY);
    const found = read();
    const lookup = standardOf(197800);
    const first = views.of(found, '2026-12-04', lookup);
    expect(first.programmes).toEqual([
      expect.objectContaining({ programme: 'BASIC_LIVING_ALLOWANCE', monthlyAmount: '1978.00' }),
    ]);
    expect(first.child.idNumberMasked).toBe(maskIdNumber(ID_NUMBER));
    expect(views.of(found, '2026-12-04', lookup)).toBe(first);
  });

  it('shapes again on another day, with other standards, or for another read', () => {
    const views = new CaseViews(DEFAULT_POLICY);
    const found = read();
    const lookup = standardOf(197800);
    const first = views.of(found, '2026-12-04', lookup);
    expect(views.of(found, '2026-12-05', lookup)).not.toBe(first);
    const raised = views.of(found, '2026-12-05', standardOf(210000));
    expect(raised.programmes[0].monthlyAmount).toBe('2100.00');
    expect(views.of(read(), '2026-12-05', standardOf(210000))).not.toBe(raised);
  });
});

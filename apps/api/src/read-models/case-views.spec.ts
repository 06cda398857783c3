import { makeFictionalIdNumber, maskIdNumber, type StandardLookup } from '@app/domain';
import type { CaseWithProgrammes } from '@app/read-models';
import { CaseViews } from './case-views';

const ID_NUMBER = makeFictionalIdNumber('370302', '2014-05-06', 123);

/** A stored case with one running basic living allowance (fictional data, no personal fields used). */
const read = (): CaseWithProgrammes => ({
  row: {
    caseId: 'c-1',
    regionCode: '370302001001',
    status: 'ENROLLED',
    open: true,
    riskLevel: 'YELLOW',
    caseworkerId: null,
    birthDate: '2014-05-06',
    eighteenthBirthday: '2032-05-06',
    nextVisitDue: null,
    categories: ['DE_FACTO_UNSUPPORTED'],
    childName: 'fictional',
    idNumber: ID_NUMBER,
    guardian: null,
    revision: 3,
    position: '10' as never,
  },
  programmes: [
    {
      caseId: 'c-1',
      seq: 0,
      programme: 'BASIC_LIVING_ALLOWANCE',
      from: '2024-02-01',
      to: null,
      fastTrack: false,
      amountFen: null,
      coverageSharePercent: null,
      oneOff: false,
      endReason: null,
    },
  ],
});

const standardOf =
  (fen: number): StandardLookup =>
  () =>
    fen;

describe('CaseViews', () => {
  it('shapes a read once per day and standards, amounts included', () => {
    const views = new CaseViews();
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
    const views = new CaseViews();
    const found = read();
    const lookup = standardOf(197800);
    const first = views.of(found, '2026-12-04', lookup);
    expect(views.of(found, '2026-12-05', lookup)).not.toBe(first);
    const raised = views.of(found, '2026-12-05', standardOf(210000));
    expect(raised.programmes[0].monthlyAmount).toBe('2100.00');
    expect(views.of(read(), '2026-12-05', standardOf(210000))).not.toBe(raised);
  });
});

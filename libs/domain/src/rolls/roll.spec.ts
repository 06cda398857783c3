import { RollAlreadyIssued, ValidationFailed } from '../shared/errors';
import { DomainRollDriver } from '../testing/domain-roll-driver';
import { paymentRollDecider, type IssuePaymentRoll } from './payment-roll.decider';

const ZIBO = '370303001001';
const HANGZHOU = '330102001001';

/** A de facto unsupported child paid 1,800.00 a month in Zibo and 2,000.00 in Hangzhou. */
async function paidChild(options: { enrol?: boolean } = {}) {
  const d = new DomainRollDriver();
  await d.standard({
    regionCode: '3703',
    category: 'DE_FACTO_UNSUPPORTED',
    fen: 180000,
    from: '2024-01-01',
  });
  await d.standard({
    regionCode: '33',
    category: 'DE_FACTO_UNSUPPORTED',
    fen: 200000,
    from: '2024-01-01',
  });
  const spec = {
    birthDate: '2012-01-01',
    identifiedOn: '2024-02-02',
    regionCode: ZIBO,
    categories: ['DE_FACTO_UNSUPPORTED' as const],
  };
  const caseId = await d.identify(spec, 0);
  if (options.enrol !== false)
    await d.caseStep(caseId, { kind: 'enrol', on: '2025-01-01' }, 'midnight');
  return { d, caseId };
}
const lines = async (d: DomainRollDriver, prefix: string, month: string) =>
  (await d.roll(prefix, month)).lines.map(
    (l) => `${l.reason} ${l.forMonth} ${l.amountFen} ${l.regionCode}`,
  );

describe('an issued roll', () => {
  it('never changes; a standard raised back to it is paid as arrears in the next roll', async () => {
    const { d } = await paidChild();
    expect(await d.issue('3703', '2025-03')).toBe('ISSUED');
    await d.standard({
      regionCode: '3703',
      category: 'DE_FACTO_UNSUPPORTED',
      fen: 190000,
      from: '2025-02-01',
    });
    expect(await lines(d, '3703', '2025-03')).toEqual([`MONTHLY 2025-03 180000 ${ZIBO}`]);
    expect(await lines(d, '3703', '2025-04')).toEqual([
      `MONTHLY 2025-04 190000 ${ZIBO}`,
      `ARREARS 2025-03 10000 ${ZIBO}`,
    ]);
  });

  it('claws back a month a closure recorded late took away', async () => {
    const { d, caseId } = await paidChild();
    await d.issue('3703', '2025-03');
    await d.caseStep(caseId, { kind: 'close', on: '2025-02-20' }, 'evening');
    expect(await lines(d, '3703', '2025-04')).toEqual([`CLAWBACK 2025-03 -180000 ${ZIBO}`]);
  });

  it('pays as arrears what a case was owed for a month its region issued without it', async () => {
    const { d, caseId } = await paidChild({ enrol: false });
    expect(await d.issue('3703', '2025-03')).toBe('ISSUED');
    expect(await lines(d, '3703', '2025-03')).toEqual([]);
    await d.caseStep(caseId, { kind: 'enrol', on: '2025-01-01' }, 'midnight');
    expect(await lines(d, '3703', '2025-03')).toEqual([]);
    expect(await lines(d, '3703', '2025-04')).toEqual([
      `MONTHLY 2025-04 180000 ${ZIBO}`,
      `ARREARS 2025-03 180000 ${ZIBO}`,
    ]);
  });
});

describe('a case transferred between rolls', () => {
  it('has its arrears paid by the roll of the region it is in then', async () => {
    const { d, caseId } = await paidChild();
    await d.issue('3703', '2025-03');
    await d.caseStep(
      caseId,
      { kind: 'transfer', on: '2025-03-10', regionCode: HANGZHOU },
      'midnight',
    );
    await d.standard({
      regionCode: '3703',
      category: 'DE_FACTO_UNSUPPORTED',
      fen: 185000,
      from: '2025-03-01',
    });
    expect(await lines(d, '3703', '2025-04')).toEqual([]);
    expect(await lines(d, '33', '2025-04')).toEqual([
      `MONTHLY 2025-04 200000 ${HANGZHOU}`,
      `ARREARS 2025-03 5000 ${HANGZHOU}`,
    ]);
  });

  it('is not paid twice for a month a back-dated transfer moves to a region not yet issued', async () => {
    const { d, caseId } = await paidChild();
    await d.issue('3703', '2025-03');
    await d.caseStep(
      caseId,
      { kind: 'transfer', on: '2025-02-15', regionCode: HANGZHOU },
      'midnight',
    );
    expect(await lines(d, '33', '2025-03')).toEqual([]);
    // Hangzhou's standard was owed for March: the difference, not the month again
    expect(await lines(d, '33', '2025-04')).toEqual([
      `MONTHLY 2025-04 200000 ${HANGZHOU}`,
      `ARREARS 2025-03 20000 ${HANGZHOU}`,
    ]);
  });
});

describe('issuing', () => {
  const issue = (
    regionCode: string,
    month: string,
    now = '2025-04-01T09:00:00+08:00',
  ): IssuePaymentRoll => ({
    type: 'IssuePaymentRoll',
    actor: { id: 'civil-1', role: 'CIVIL_AFFAIRS' },
    now,
    data: { regionCode, month, lines: [] },
  });
  const issued = (regionCode: string) => ({
    issued: [{ regionCode, month: '2025-03', issuedAt: 'x' }],
  });

  it('refuses a prefix overlapping one issued for the month: the same, longer or shorter', () => {
    for (const [before, now] of [
      ['3703', '3703'],
      ['3703', '370303'],
      ['370303', '37'],
    ])
      expect(() => paymentRollDecider.decide(issue(now, '2025-03'), issued(before))).toThrow(
        RollAlreadyIssued,
      );
    expect(paymentRollDecider.decide(issue('3301', '2025-03'), issued('3703'))).toHaveLength(1);
  });

  it('refuses a month that has not begun in China time, and takes it from its first midnight', () => {
    const empty = paymentRollDecider.initialState();
    expect(() =>
      paymentRollDecider.decide(issue('3703', '2025-03', '2025-02-28T15:59:59Z'), empty),
    ).toThrow(ValidationFailed);
    expect(
      paymentRollDecider.decide(issue('3703', '2025-03', '2025-02-28T16:00:00Z'), empty),
    ).toHaveLength(1);
  });
});

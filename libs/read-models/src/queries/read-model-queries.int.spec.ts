import { DEFAULT_POLICY } from '@app/domain';
import { formatYuan } from '@app/domain';
import { applyBatch } from '../projector/apply-batch';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import { ZIBO, ziboScenario } from '../testing/zibo-scenario';
import { InvalidCursor } from './cursor';
import { PaymentRolls } from './payment-rolls';
import { ReadModelQueries } from './read-model-queries';

describe('ReadModelQueries on the Zibo scenario', () => {
  let store: SqliteReadModelStore;
  let queries: ReadModelQueries;
  let rolls: PaymentRolls;
  beforeAll(async () => {
    store = new SqliteReadModelStore({ filename: ':memory:' });
    await applyBatch(store, ziboScenario().events, DEFAULT_POLICY);
    queries = new ReadModelQueries(store, DEFAULT_POLICY);
    rolls = new PaymentRolls(store, null, DEFAULT_POLICY);
  });
  afterAll(() => store.close());

  const roll = async (month: string) => {
    const { lines, totalFen } = await rolls.roll('3703', month);
    return {
      total: formatYuan(totalFen),
      lines: lines.map((l) => [l.caseId, l.reason, formatYuan(l.amountFen)]),
    };
  };

  describe('payment roll', () => {
    it('pays 1,978.00 a month for a de facto unsupported child in 2025-06', async () => {
      expect(await roll('2025-06')).toEqual({
        total: '3956.00',
        lines: [
          [ZIBO.deFacto, 'MONTHLY', '1978.00'],
          [ZIBO.graduate, 'MONTHLY', '1978.00'],
        ],
      });
    });

    it('pays the raised standard from its effective date, the higher of two categories once', async () => {
      expect(await roll('2025-07')).toEqual({
        total: '6700.00',
        lines: [
          [ZIBO.deFacto, 'MONTHLY', '2100.00'],
          [ZIBO.graduate, 'MONTHLY', '2300.00'],
          [ZIBO.twoCategories, 'MONTHLY', '2300.00'],
        ],
      });
    });

    it('pays a one-off programme in the month of its effective date', async () => {
      const march = await roll('2026-03');
      expect(march.lines).toContainEqual([ZIBO.marginal, 'ONE_OFF', '500.00']);
      expect(march.total).toBe('7200.00');
      expect((await roll('2026-04')).lines).not.toContainEqual([
        ZIBO.marginal,
        'ONE_OFF',
        '500.00',
      ]);
    });

    it('pays the 6-month graduation grant in the month of graduation, then stops', async () => {
      const june = await roll('2026-06');
      expect(june.lines).toContainEqual([ZIBO.graduate, 'GRADUATION_GRANT', '13800.00']);
      expect(june.lines).toContainEqual([ZIBO.graduate, 'MONTHLY', '2300.00']);
      expect(june.total).toBe('20500.00');
      expect((await roll('2026-07')).lines.map((l) => l[0])).toEqual([
        ZIBO.deFacto,
        ZIBO.twoCategories,
      ]);
    });

    it('keeps to the region asked', async () => {
      const hangzhou = await rolls.roll('3301', '2025-06');
      expect(hangzhou.lines).toEqual([]);
      const zhejiang = await rolls.roll('33', '2025-06');
      expect(zhejiang.lines.map((l) => l.caseId)).toEqual([]); // no standard set in Zhejiang
    });
  });

  describe('benefits on a date', () => {
    it('shows the allowance at the standard of that date and the medical share', async () => {
      const found = await queries.benefitsOn(ZIBO.deFacto, '2026-11-20');
      expect(found?.entitlements).toEqual([
        expect.objectContaining({ programme: 'BASIC_LIVING_ALLOWANCE', monthlyAmountFen: 210000 }),
        expect.objectContaining({ programme: 'MEDICAL_ASSISTANCE', coverageSharePercent: 80 }),
      ]);
      const earlier = await queries.benefitsOn(ZIBO.deFacto, '2024-06-01');
      expect(earlier?.entitlements[0].monthlyAmountFen).toBe(197800);
    });

    it('shows 70% for a marginal low-income child and a fast-tracked one-off on its day', async () => {
      const onTheDay = await queries.benefitsOn(ZIBO.marginal, '2026-03-05');
      expect(onTheDay?.entitlements).toEqual([
        expect.objectContaining({ programme: 'MEDICAL_ASSISTANCE', coverageSharePercent: 70 }),
        expect.objectContaining({
          programme: 'TEMPORARY_ASSISTANCE',
          amountFen: 50000,
          monthlyAmountFen: null,
          fastTrack: true,
        }),
      ]);
      expect((await queries.benefitsOn(ZIBO.marginal, '2026-03-06'))?.entitlements).toHaveLength(1);
    });

    it('answers nothing in force before enrolment, and null for an unknown case', async () => {
      expect((await queries.benefitsOn(ZIBO.deFacto, '2024-02-29'))?.entitlements).toEqual([]);
      expect(
        await queries.benefitsOn('0f000000-0000-4000-8000-000000000000', '2026-01-01'),
      ).toBeNull();
    });
  });

  it('counts the caseload: colours, categories, overdue visits, turning 18 within 90 days', async () => {
    const caseload = await queries.caseload({ regions: ['3703'], asOf: '2026-11-20' });
    expect(caseload).toMatchObject({
      open: 4,
      unassessed: 1,
      overdueVisits: 2,
      turning18Within90Days: 1,
    });
    expect(caseload.byRisk).toEqual([
      { key: 'RED', count: 1 },
      { key: 'YELLOW', count: 1 },
      { key: 'BLUE', count: 0 },
      { key: 'GREEN', count: 1 },
    ]);
    expect(caseload.byCategory.filter((c) => c.count > 0)).toEqual([
      { key: 'ORPHAN', count: 1 },
      { key: 'DE_FACTO_UNSUPPORTED', count: 2 },
      { key: 'MARGINAL_LOW_INCOME', count: 1 },
      { key: 'LEFT_BEHIND', count: 1 },
    ]);
    // the yellow visit (due 2026-11-25) is overdue a week later
    const later = await queries.caseload({ regions: ['3703'], asOf: '2026-12-19' });
    expect(later).toMatchObject({ open: 4, overdueVisits: 3, turning18Within90Days: 1 });
    // on the 18th birthday (2026-12-20) protection ends: the case is no longer open, review or not
    const after = await queries.caseload({ regions: ['3703'], asOf: '2026-12-21' });
    expect(after).toMatchObject({ open: 3, overdueVisits: 2, turning18Within90Days: 0 });
  });

  describe('cases', () => {
    it('pages with opaque cursors until the end', async () => {
      const first = await queries.cases({ regions: ['3703'], on: '2026-11-20', first: 4 });
      expect(first).toMatchObject({ totalCount: 6, hasNextPage: true });
      const second = await queries.cases({
        regions: ['3703'],
        on: '2026-11-20',
        first: 4,
        after: first.cursors[3],
      });
      expect(second.hasNextPage).toBe(false);
      expect([...first.rows, ...second.rows].map((r) => r.caseId)).toHaveLength(6);
    });

    it('refuses a cursor it did not make', async () => {
      await expect(
        queries.cases({ regions: null, on: '2026-11-20', first: 1, after: 'bm9wZQ' }),
      ).rejects.toThrow(InvalidCursor);
    });

    it('loads the folded cases of a page in one read', async () => {
      const spy = jest.spyOn(store, 'caseStates');
      const byCase = await queries.caseStates([ZIBO.deFacto, ZIBO.turning18]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(byCase.get(ZIBO.deFacto)?.state.programmes.map((p) => p.programme)).toEqual([
        'BASIC_LIVING_ALLOWANCE',
        'MEDICAL_ASSISTANCE',
      ]);
      expect(byCase.get(ZIBO.turning18)?.state.programmes).toEqual([]);
    });
  });
});

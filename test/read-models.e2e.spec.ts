import { codeOf, TestApp } from './support/test-app';
import { mustMutate } from './support/cases-api';
import {
  BENEFITS,
  CASELOAD,
  CASES,
  mustRead,
  PAYMENT_ROLL,
  seedZibo,
  ZIBO_VILLAGE,
  type ZiboCases,
} from './support/read-side';
import { describeEachReadModelStore } from './support/read-model-stores';

const byCase = (a: { caseId: string }, b: { caseId: string }) => (a.caseId < b.caseId ? -1 : 1);

type Roll = { paymentRoll: { count: number; total: string; lines: Record<string, string>[] } };
type Load = {
  caseload: {
    open: number;
    byRisk: { key: string; count: number }[];
    overdueVisits: number;
    turning18Within90Days: number;
  };
};

describeEachReadModelStore('the read models answer the read queries of CONTRACT.md', (store) => {
  let app: TestApp;
  let zibo: ZiboCases;
  let bureau: string;
  beforeAll(async () => {
    app = await TestApp.start(await store.env());
    // the scenario's today: every default date of the answers below is this one
    app.setNow('2026-11-20T10:00:00+08:00');
    zibo = await seedZibo(app);
    bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau-zibo' });
  });
  afterAll(() => app.close());

  const roll = async (month: string, token = bureau) => {
    const { paymentRoll } = await mustRead<Roll>(
      app,
      PAYMENT_ROLL,
      { regionCode: '3703', month, consistentWith: zibo.position },
      token,
    );
    return paymentRoll;
  };
  const line = (
    caseId: string,
    reason: string,
    amount: string,
    programme = 'BASIC_LIVING_ALLOWANCE',
  ) => ({
    caseId,
    programme,
    amount,
    reason,
  });

  describe('paymentRoll', () => {
    it('pays 1,978.00 a month for a de facto unsupported child in Zibo', async () => {
      expect(await roll('2025-06')).toEqual({
        regionCode: '3703',
        month: '2025-06',
        count: 2,
        total: '3956.00',
        lines: [
          line(zibo.deFacto, 'MONTHLY', '1978.00'),
          line(zibo.graduate, 'MONTHLY', '1978.00'),
        ].sort(byCase),
      });
    });

    it('pays a raised standard from its effective date, the higher of two categories once', async () => {
      const july = await roll('2025-07');
      expect(july.total).toBe('6700.00');
      expect(july.lines).toEqual(
        [
          line(zibo.deFacto, 'MONTHLY', '2100.00'),
          line(zibo.graduate, 'MONTHLY', '2300.00'),
          line(zibo.twoCategories, 'MONTHLY', '2300.00'),
        ].sort(byCase),
      );
    });

    it('pays the 6-month graduation grant in the month of graduation, and nothing after', async () => {
      const june = await roll('2026-06');
      expect(june.lines).toContainEqual(line(zibo.graduate, 'GRADUATION_GRANT', '13800.00'));
      expect(june.total).toBe('20500.00');
      const july = await roll('2026-07');
      expect(july.lines.map((l) => l.caseId)).not.toContain(zibo.graduate);
      expect(july.total).toBe('4400.00');
    });

    it('pays a one-off programme in the month it takes effect', async () => {
      const march = await roll('2026-03');
      expect(march.lines).toContainEqual(
        line(zibo.marginal, 'ONE_OFF', '500.00', 'TEMPORARY_ASSISTANCE'),
      );
      expect(march).toMatchObject({ count: 4, total: '7200.00' });
    });

    it("refuses a region outside the reader's", async () => {
      const director = app.token('CHILD_DIRECTOR', [ZIBO_VILLAGE]);
      const response = await app.gql(
        PAYMENT_ROLL,
        { regionCode: '3703', month: '2026-03' },
        director,
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
    });

    it('names every bad argument', async () => {
      const response = await app.gql(PAYMENT_ROLL, { regionCode: '37A', month: '2026-13' }, bureau);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.map((f) => f.field).sort()).toEqual([
        'month',
        'regionCode',
      ]);
    });
  });

  describe('benefits', () => {
    const benefits = async (caseId: string, on?: string) =>
      (
        await mustRead<{ benefits: Record<string, unknown>[] }>(
          app,
          BENEFITS,
          { caseId, on, consistentWith: zibo.position },
          bureau,
        )
      ).benefits;

    it('shows the allowance at the standard of the date asked and an 80% medical share', async () => {
      expect(await benefits(zibo.deFacto, '2025-06-30')).toEqual([
        {
          programme: 'BASIC_LIVING_ALLOWANCE',
          from: '2024-03-01',
          to: '2030-05-09', // protection ends on the 18th birthday: the known last day
          monthlyAmount: '1978.00',
          amount: null,
          coverageShare: null,
          fastTrack: false,
        },
        {
          programme: 'MEDICAL_ASSISTANCE',
          from: '2024-03-01',
          to: '2030-05-09',
          monthlyAmount: null,
          amount: null,
          coverageShare: 80,
          fastTrack: false,
        },
      ]);
      expect((await benefits(zibo.deFacto, '2025-07-01'))[0].monthlyAmount).toBe('2100.00');
    });

    it('shows 70% for a marginal low-income child and the fast-tracked one-off on its day', async () => {
      expect(await benefits(zibo.marginal, '2026-03-05')).toEqual([
        expect.objectContaining({ programme: 'MEDICAL_ASSISTANCE', coverageShare: 70 }),
        expect.objectContaining({
          programme: 'TEMPORARY_ASSISTANCE',
          monthlyAmount: null,
          amount: '500.00',
          to: '2026-03-05',
          fastTrack: true,
        }),
      ]);
    });

    it('answers NOT_FOUND for an unknown case', async () => {
      const response = await app.gql(
        BENEFITS,
        { caseId: '00000000-0000-4000-8000-000000000000' },
        bureau,
      );
      expect(codeOf(response)).toBe('NOT_FOUND');
    });
  });

  describe('caseload', () => {
    const caseload = async (variables: Record<string, unknown>, token = bureau) =>
      (await mustRead<Load>(app, CASELOAD, { consistentWith: zibo.position, ...variables }, token))
        .caseload;

    it('counts open cases by colour, overdue visits and children turning 18 within 90 days', async () => {
      const load = await caseload({ regionCode: '3703', asOf: '2026-11-20' });
      expect(load).toEqual({
        open: 4,
        byRisk: [
          { key: 'RED', count: 1 },
          { key: 'YELLOW', count: 1 },
          { key: 'BLUE', count: 0 },
          { key: 'GREEN', count: 1 },
        ],
        byCategory: expect.arrayContaining([
          { key: 'DE_FACTO_UNSUPPORTED', count: 2 },
          { key: 'MARGINAL_LOW_INCOME', count: 1 },
          { key: 'LEFT_BEHIND', count: 1 },
          { key: 'ORPHAN', count: 1 },
        ]),
        overdueVisits: 2,
        turning18Within90Days: 1,
      });
    });

    it("measures overdue visits against each colour's interval (RED 7, YELLOW 15, GREEN 90 days)", async () => {
      const overdueOn = async (asOf: string) => (await caseload({ asOf })).overdueVisits;
      expect(await overdueOn('2026-10-30')).toBe(0); // GREEN due 2026-10-30
      expect(await overdueOn('2026-10-31')).toBe(1);
      expect(await overdueOn('2026-11-18')).toBe(2); // RED due 2026-11-17
      expect(await overdueOn('2026-11-26')).toBe(3); // YELLOW due 2026-11-25
    });

    it('counts an 18th birthday 90 days ahead but not 91', async () => {
      const within = async (asOf: string) => (await caseload({ asOf })).turning18Within90Days;
      expect(await within('2026-09-21')).toBe(1); // 2026-12-20 is 90 days later
      expect(await within('2026-09-20')).toBe(0);
      expect(await within('2026-12-21')).toBe(0);
    });

    it("keeps to a child director's own cases and regions", async () => {
      const director = app.token('CHILD_DIRECTOR', ['370303001'], { sub: 'director-7' });
      expect(
        await caseload({ caseworkerId: 'director-7', asOf: '2026-11-20' }, director),
      ).toMatchObject({ open: 1, overdueVisits: 1 });
      expect((await caseload({ asOf: '2026-11-20' }, director)).open).toBe(3);
      const elsewhere = await app.gql(CASELOAD, { regionCode: '3301' }, director);
      expect(codeOf(elsewhere)).toBe('FORBIDDEN');
    });

    it('sees a visit as soon as the write is acknowledged', async () => {
      const visit = await mustMutate(
        app,
        'recordVisit',
        { caseId: zibo.deFacto, visitedAt: '2026-11-19T10:00:00+08:00' },
        app.token('CHILD_DIRECTOR', [ZIBO_VILLAGE]),
      );
      const load = await caseload({ asOf: '2026-11-20', consistentWith: visit.position });
      expect(load.overdueVisits).toBe(1);
    });
  });

  describe('cases', () => {
    type Page = {
      cases: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: Record<string, unknown> }[];
      };
    };
    const cases = async (variables: Record<string, unknown>, token = bureau) =>
      (await mustRead<Page>(app, CASES, { consistentWith: zibo.position, ...variables }, token))
        .cases;

    it('pages through a region with opaque cursors and a total on every page', async () => {
      const first = await cases({ filter: { regionCode: '3703' }, first: 4 });
      expect(first.totalCount).toBe(6);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = await cases({
        filter: { regionCode: '3703' },
        first: 4,
        after: first.pageInfo.endCursor,
      });
      expect(rest.pageInfo.hasNextPage).toBe(false);
      expect(rest.totalCount).toBe(6);
      const ids = [...first.edges, ...rest.edges].map((e) => e.node.id);
      expect(new Set(ids).size).toBe(6);
      expect(ids).not.toContain(zibo.hangzhou);
    });

    it('filters by status, colour, category and caseworker', async () => {
      const ids = async (filter: Record<string, unknown>) =>
        (await cases({ filter })).edges.map((e) => e.node.id);
      expect(await ids({ status: 'AGED_OUT' })).toEqual([zibo.graduate]);
      expect(await ids({ riskLevel: 'YELLOW' })).toEqual([zibo.marginal]);
      expect((await ids({ category: 'DE_FACTO_UNSUPPORTED' })).sort()).toEqual(
        [zibo.deFacto, zibo.twoCategories].sort(),
      );
      expect(await ids({ caseworkerId: 'director-7' })).toEqual([zibo.deFacto]);
    });

    it("shows each case with its programmes at today's standard", async () => {
      const page = await cases({ filter: { caseworkerId: 'director-7' } });
      expect(page.edges[0].node).toMatchObject({
        status: 'ENROLLED',
        riskLevel: 'RED',
        categories: ['DE_FACTO_UNSUPPORTED'],
        programmes: [
          expect.objectContaining({
            programme: 'BASIC_LIVING_ALLOWANCE',
            monthlyAmount: '2100.00',
          }),
          expect.objectContaining({ programme: 'MEDICAL_ASSISTANCE', coverageShare: 80 }),
        ],
      });
    });

    it('refuses a cursor it did not give out', async () => {
      const response = await app.gql(CASES, { after: 'not-a-cursor' }, bureau);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ field: 'after' }),
      ]);
    });
  });

  describe('consistentWith', () => {
    it('answers case(id) from the read model once the write is in', async () => {
      const result = await mustMutate(
        app,
        'assignCaseworker',
        { caseId: zibo.marginal, caseworkerId: 'director-8' },
        bureau,
      );
      const { case: found } = await mustRead<{ case: { caseworkerId: string; revision: number } }>(
        app,
        'query($id: ID!, $c: String) { case(id: $id, consistentWith: $c) { caseworkerId revision } }',
        { id: zibo.marginal, c: result.position },
        bureau,
      );
      expect(found).toEqual({ caseworkerId: 'director-8', revision: result.revision });
    });

    it('reads its own write without consistentWith, past a case read (and kept) before it', async () => {
      const query = 'query($id: ID!) { case(id: $id) { caseworkerId revision } }';
      type Found = { case: { caseworkerId: string; revision: number } };
      const before = await mustRead<Found>(app, query, { id: zibo.marginal }, bureau);
      await mustRead<Found>(app, query, { id: zibo.marginal }, bureau); // now from memory
      const result = await mustMutate(
        app,
        'assignCaseworker',
        { caseId: zibo.marginal, caseworkerId: 'director-9' },
        bureau,
      );
      expect(result.revision).toBeGreaterThan(before.case.revision);
      const after = await mustRead<Found>(app, query, { id: zibo.marginal }, bureau);
      expect(after.case).toEqual({ caseworkerId: 'director-9', revision: result.revision });
    });

    it('answers STALE_READ_MODEL for a position the read models cannot reach', async () => {
      const response = await app.gql(CASELOAD, { consistentWith: '999999999' }, bureau);
      expect(codeOf(response)).toBe('STALE_READ_MODEL');
    });

    it('refuses what is not a position', async () => {
      const response = await app.gql(CASELOAD, { consistentWith: 'yesterday' }, bureau);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    });
  });
});

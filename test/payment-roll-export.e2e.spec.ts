import { makeFictionalIdNumber } from '@app/domain';
import { READ_MODEL_STORE, type ReadModelStore } from '@app/read-models';
import { mustMutate } from './support/cases-api';
import { mustRead, seedZibo, type ZiboCases } from './support/read-side';
import { TestApp } from './support/test-app';

describe('GET /exports/payment-roll.csv', () => {
  let app: TestApp;
  let zibo: ZiboCases;
  beforeAll(async () => {
    app = await TestApp.start();
    zibo = await seedZibo(app);
  });
  afterAll(() => app.close());

  const csv = (query: string, token?: string) =>
    fetch(`${app.url}/exports/payment-roll.csv?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('gives Excel UTF-8 with a BOM: one line per payment, then the total in a trailer', async () => {
    const token = app.token('CIVIL_AFFAIRS', ['3703']);
    const response = await csv(
      `regionCode=3703&month=2026-06&consistentWith=${zibo.position}`,
      token,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('caseId,regionCode,programme,reason,forMonth,amount');
    expect(lines.slice(1, -1).sort()).toEqual(
      [
        `${zibo.deFacto},370303001001,BASIC_LIVING_ALLOWANCE,MONTHLY,2026-06,2100.00`,
        `${zibo.graduate},370303002001,BASIC_LIVING_ALLOWANCE,MONTHLY,2026-06,2300.00`,
        `${zibo.graduate},370303002001,BASIC_LIVING_ALLOWANCE,GRADUATION_GRANT,2026-06,13800.00`,
        `${zibo.twoCategories},370303001001,BASIC_LIVING_ALLOWANCE,MONTHLY,2026-06,2300.00`,
      ].sort(),
    );
    expect(lines.at(-1)).toBe('TOTAL 20500.00 yuan in 4 lines (3703 2026-06),,,,,');
  });

  it('sums to its total in the amount column, as a spreadsheet sums it (the trailer has none)', async () => {
    const response = await csv(
      `regionCode=3703&month=2026-06&consistentWith=${zibo.position}`,
      app.token('CIVIL_AFFAIRS', ['3703']),
    );
    const rows = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const amounts = rows.map((r) => r.split(',')[5]);
    expect(amounts.at(-1)).toBe('');
    const fen = amounts
      .slice(1)
      .filter((a) => a !== '')
      .reduce((sum, a) => sum + Math.round(Number(a) * 100), 0);
    expect(fen).toBe(2050000);
    expect(rows.every((r) => r.split(',').length === 6)).toBe(true);
  });

  it('asks for the same bearer token and regions as the GraphQL roll', async () => {
    expect((await csv('regionCode=3703&month=2026-06')).status).toBe(401);
    const director = app.token('CHILD_DIRECTOR', ['370303001']);
    const refused = await csv('regionCode=3703&month=2026-06', director);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');
  });

  it('names every bad parameter', async () => {
    const response = await csv('regionCode=37x&month=June', app.token('ADMIN'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; fields: { field: string }[] };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.fields.map((f) => f.field)).toEqual(['regionCode', 'month']);
  });
});

const PAGE_WITH_PROGRAMMES = `query($filter: CaseFilter, $first: Int, $consistentWith: String) {
  cases(filter: $filter, first: $first, consistentWith: $consistentWith) {
    edges { node { id programmes { programme coverageShare } } } } }`;

describe('a page of 50 cases with their programmes', () => {
  it('takes one read for the page, one for all their folded cases, one for the standards', async () => {
    const app = await TestApp.start();
    try {
      const bureau = app.token('CIVIL_AFFAIRS', ['3703']);
      let position = '';
      for (let i = 0; i < 50; i++) {
        const { caseId } = await mustMutate(
          app,
          'identifyChild',
          {
            idNumber: makeFictionalIdNumber('370304', '2015-01-01', i + 1),
            name: `批量${i}`,
            regionCode: '370304001001',
            source: 'DATA_MATCH',
            identifiedAt: '2025-01-01T09:00:00+08:00',
            categories: ['DE_FACTO_UNSUPPORTED'],
          },
          bureau,
        );
        ({ position } = await mustMutate(
          app,
          'enrollInProgramme',
          { caseId, programme: 'MEDICAL_ASSISTANCE', effectiveFrom: '2025-02-01' },
          bureau,
        ));
      }
      const store = app.app.get<ReadModelStore>(READ_MODEL_STORE);
      const pages = jest.spyOn(store, 'findCases');
      const states = jest.spyOn(store, 'caseStates');
      const standards = jest.spyOn(store, 'standards');

      const { cases } = await mustRead<{
        cases: { edges: { node: { programmes: { coverageShare: number }[] } }[] };
      }>(
        app,
        PAGE_WITH_PROGRAMMES,
        { filter: { regionCode: '370304' }, first: 50, consistentWith: position },
        bureau,
      );

      expect(cases.edges).toHaveLength(50);
      expect(cases.edges.every((e) => e.node.programmes[0].coverageShare === 80)).toBe(true);
      expect([pages, states, standards].map((s) => s.mock.calls.length)).toEqual([1, 1, 1]);
    } finally {
      await app.close();
    }
  });
});

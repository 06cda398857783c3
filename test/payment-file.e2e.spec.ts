import ExcelJS from 'exceljs';
import { makeFictionalIdNumber } from '@app/domain';
import { ACCESS_LOG } from './audit-support';
import { mustMutate } from './support/cases-api';
import { mustRead, seedZibo, ZIBO_VILLAGE, type ZiboCases } from './support/read-side';
import { TestApp } from './support/test-app';

type Entry = { at: string; actor: { id: string; role: string }; fields: string[] };

const QUERY = 'regionCode=3703&month=2026-06';

describe('GET /exports/payment-file.csv and .xlsx: the payment office file', () => {
  let app: TestApp;
  let zibo: ZiboCases;
  let bureau: string;
  const ids = {
    deFacto: makeFictionalIdNumber('370303', '2012-05-10', 1),
    graduate: makeFictionalIdNumber('370303', '2006-06-15', 3),
    twoCategories: makeFictionalIdNumber('370303', '2014-04-04', 7),
  };
  beforeAll(async () => {
    app = await TestApp.start();
    app.setNow('2026-11-20T10:00:00+08:00');
    zibo = await seedZibo(app);
    bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'payment-office-clerk' });
  });
  afterAll(() => app.close());

  const get = (file: 'csv' | 'xlsx', query: string, token?: string) =>
    fetch(`${app.url}/exports/payment-file.${file}?${query}&consistentWith=${zibo.position}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const accessLog = async (caseId: string) =>
    (
      await mustRead<{ accessLog: Entry[] }>(
        app,
        ACCESS_LOG,
        { caseId },
        app.token('AUDITOR', ['3703']),
      )
    ).accessLog.filter((e) => e.actor.id === 'payment-office-clerk');
  const csvRows = async (response: Response) =>
    (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');

  it('names every child paid with the ID number, one line per payment, then the total', async () => {
    const response = await get('csv', QUERY, bureau);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="payment-file-3703-2026-06.csv"',
    );
    const rows = await csvRows(response);
    expect(rows[0]).toBe('caseId,name,idNumber,regionCode,programme,reason,forMonth,amount');
    expect(rows.slice(1, -1).sort()).toEqual(
      [
        `${zibo.deFacto},测试1,${ids.deFacto},370303001001,BASIC_LIVING_ALLOWANCE,MONTHLY,2026-06,2100.00`,
        `${zibo.graduate},测试3,${ids.graduate},370303002001,BASIC_LIVING_ALLOWANCE,MONTHLY,2026-06,2300.00`,
        `${zibo.graduate},测试3,${ids.graduate},370303002001,BASIC_LIVING_ALLOWANCE,GRADUATION_GRANT,2026-06,13800.00`,
        `${zibo.twoCategories},测试7,${ids.twoCategories},370303001001,BASIC_LIVING_ALLOWANCE,MONTHLY,2026-06,2300.00`,
      ].sort(),
    );
    expect(rows.at(-1)).toBe('TOTAL 20500.00 yuan in 4 lines for 3 children (3703 2026-06),,,,,,,');
  });

  it('writes every child in it to the access log, name and ID number, and no one else', async () => {
    const before = await accessLog(zibo.deFacto);
    await (await get('csv', QUERY, bureau)).text();
    for (const caseId of [zibo.deFacto, zibo.graduate, zibo.twoCategories]) {
      const entries = await accessLog(caseId);
      expect(entries.at(-1)).toMatchObject({
        actor: { id: 'payment-office-clerk', role: 'CIVIL_AFFAIRS' },
        fields: ['name', 'idNumber'],
      });
    }
    expect(await accessLog(zibo.deFacto)).toHaveLength(before.length + 1);
    expect(await accessLog(zibo.marginal)).toEqual([]);
    expect(await accessLog(zibo.turning18)).toEqual([]);
  });

  it('is for civil affairs only, in its regions; a refusal reads and logs nothing', async () => {
    const before = await accessLog(zibo.deFacto);
    expect((await get('csv', QUERY)).status).toBe(401);
    for (const role of ['ADMIN', 'AUDITOR', 'SUPERVISOR', 'CHILD_DIRECTOR', 'COURT'] as const) {
      const refused = await get('csv', QUERY, app.token(role, ['3703']));
      expect([role, refused.status]).toEqual([role, 403]);
      expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');
    }
    const hangzhou = app.token('CIVIL_AFFAIRS', ['3301'], { sub: 'payment-office-clerk' });
    expect((await get('xlsx', QUERY, hangzhou)).status).toBe(403);
    expect(await accessLog(zibo.deFacto)).toEqual(before);
  });

  it('names every bad parameter', async () => {
    const response = await fetch(`${app.url}/exports/payment-file.xlsx?regionCode=37x&month=June`, {
      headers: { authorization: `Bearer ${bureau}` },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; fields: { field: string }[] };
    expect(body.fields.map((f) => f.field)).toEqual(['regionCode', 'month']);
  });

  it('gives the same roll as an .xlsx workbook: ID numbers as text, amounts that sum to the total', async () => {
    const response = await get('xlsx', QUERY, bureau);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="payment-file-3703-2026-06.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('payments')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      'caseId',
      'name',
      'idNumber',
      'regionCode',
      'programme',
      'reason',
      'forMonth',
      'amount',
    ]);
    const lines = rows.slice(1);
    expect(lines).toHaveLength(4);
    expect(lines.map((r) => r[2]).sort()).toEqual(
      [ids.deFacto, ids.graduate, ids.graduate, ids.twoCategories].sort(),
    );
    expect(lines.every((r) => typeof r[2] === 'string' && typeof r[7] === 'number')).toBe(true);
    const fen = lines.reduce((sum, r) => sum + Math.round((r[7] as number) * 100), 0);
    expect(fen).toBe(2050000);
    const summary = workbook.getWorksheet('summary')!;
    const about = new Map<string, unknown>();
    summary.eachRow((row, i) => {
      if (i > 1) about.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(about.get('total')).toBe(20500);
    expect(about.get('children')).toBe(3);
    expect(about.get('issuedAt')).toBe('not issued');
    expect((await accessLog(zibo.graduate)).length).toBeGreaterThanOrEqual(2);
  });

  it('never hands a spreadsheet a formula for a name', async () => {
    const admin = app.token('ADMIN');
    const { caseId } = await mustMutate(
      app,
      'identifyChild',
      {
        idNumber: makeFictionalIdNumber('370303', '2015-01-01', 61),
        name: '=HYPERLINK("http://example.invalid","x")',
        regionCode: ZIBO_VILLAGE,
        source: 'VISIT',
        identifiedAt: '2026-01-05T09:00:00+08:00',
        categories: ['ORPHAN'],
      },
      admin,
    );
    const { position } = await mustMutate(
      app,
      'enrollInProgramme',
      { caseId, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2026-02-01' },
      admin,
    );
    const response = await fetch(
      `${app.url}/exports/payment-file.csv?${QUERY}&consistentWith=${position}`,
      { headers: { authorization: `Bearer ${bureau}` } },
    );
    const row = (await csvRows(response)).find((r) => r.startsWith(caseId!))!;
    expect(row.split(',')[1]).toBe(`"'=HYPERLINK(""http://example.invalid""`);
  });
});

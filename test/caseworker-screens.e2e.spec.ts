import { makeFictionalIdNumber } from '@app/domain';
import { codeOf, TestApp } from './support/test-app';
import { mustMutate } from './support/cases-api';
import { postAct } from './support/agency-api';
import { CASELOAD, mustRead, seedZibo, ZIBO_VILLAGE, type ZiboCases } from './support/read-side';
import { describeEachReadModelStore } from './support/read-model-stores';

const LIST = `query($filter: CaseFilter, $orderBy: CaseOrder, $first: Int, $after: String,
  $consistentWith: String) {
  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after,
    consistentWith: $consistentWith) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id nextVisitDue birthDate } } } }`;

const SCREEN = `query($id: ID!, $consistentWith: String) {
  case(id: $id, consistentWith: $consistentWith) {
    id status riskLevel riskScores { guardianship living behaviour } lastVisitAt nextVisitDue
    education { level fullTime expectedGraduation } protectionEndsOn closedReason
    guardianshipActs { act docketNumber agency decidedOn effectiveOn } } }`;

const TIMELINE = `query($caseId: ID!, $first: Int, $after: String) {
  caseTimeline(caseId: $caseId, first: $first, after: $after) { at type summary revision cursor } }`;

const STANDARDS = `query($regionCode: String, $consistentWith: String) {
  benefitStandards(regionCode: $regionCode, consistentWith: $consistentWith) {
    regionCode category monthlyAmount effectiveFrom } }`;

type Page = {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; nextVisitDue: string | null; birthDate: string };
    }[];
  };
};
type Load = { caseload: { overdueVisits: number; turning18Within90Days: number } };
type Entry = { at: string; type: string; summary: string; revision: number; cursor: string };

const DOCKET = '(2026)鲁0303民特7号';
const COURT = '淄博市张店区人民法院';

describeEachReadModelStore("a caseworker's screens (CONTRACT.md: For caseworkers)", (store) => {
  let app: TestApp;
  let zibo: ZiboCases;
  let bureau: string;
  let director: string;
  let followed: { caseId: string; idNumber: string; position: string };

  beforeAll(async () => {
    app = await TestApp.start(await store.env());
    app.setNow('2026-11-20T10:00:00+08:00');
    zibo = await seedZibo(app);
    bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau-zibo' });
    director = app.token('CHILD_DIRECTOR', [ZIBO_VILLAGE], { sub: 'director-7' });
    followed = await followOneChild();
  });
  afterAll(() => app.close());

  /** A child the director follows: assessed, visited, at school, a court act late, closed. */
  async function followOneChild() {
    const supervisor = app.token('SUPERVISOR', ['3703']);
    const idNumber = makeFictionalIdNumber('370303', '2009-02-14', 41);
    const run = (name: Parameters<typeof mustMutate>[1], input: Record<string, unknown>) =>
      mustMutate(app, name, input, supervisor);
    const { caseId } = await run('identifyChild', {
      idNumber,
      name: '测试跟进',
      regionCode: ZIBO_VILLAGE,
      source: 'VISIT',
      identifiedAt: '2026-01-05T09:00:00+08:00',
      categories: ['LEFT_BEHIND'],
      guardian: { kind: 'RELATIVE', name: '测试爷爷', relation: 'grandfather' },
    });
    await run('assessRisk', {
      caseId,
      guardianshipRisk: 2,
      livingRisk: 1,
      behaviourRisk: 0,
      assessedAt: '2026-01-06T09:00:00+08:00',
      notes: '测试爷爷年迈',
    });
    await run('recordVisit', {
      caseId,
      visitedAt: '2026-03-02T15:00:00+08:00',
      notes: '见到测试跟进',
    });
    await run('recordEducation', {
      caseId,
      level: 'SENIOR_SECONDARY',
      fullTime: true,
      expectedGraduation: '2027-06-30',
      recordedAt: '2026-02-20T09:00:00+08:00',
    });
    const court = app.token('COURT', ['*'], { agency: COURT });
    const act = await postAct(app, {
      token: court,
      key: `revoke-${caseId}`,
      body: {
        act: 'GUARDIANSHIP_REVOKED',
        caseId,
        docketNumber: DOCKET,
        decidedOn: '2026-02-01',
        effectiveOn: '2026-02-10',
        newGuardian: { kind: 'CIVIL_AFFAIRS', name: '淄博市张店区民政局' },
        notes: '测试爷爷',
      },
    });
    if (act.status !== 201) throw new Error(`act refused: ${act.text}`);
    const last = await run('closeCase', {
      caseId: caseId!,
      reason: '迁往外省,转出',
      closedAt: '2026-11-01T09:00:00+08:00',
    });
    return { caseId: caseId!, idNumber, position: last.position };
  }

  const list = async (variables: Record<string, unknown>, token = bureau) =>
    (
      await mustRead<Page>(
        app,
        LIST,
        { consistentWith: followed.position, first: 50, ...variables },
        token,
      )
    ).cases;
  const caseload = async (variables: Record<string, unknown>, token = bureau) =>
    (
      await mustRead<Load>(
        app,
        CASELOAD,
        { consistentWith: followed.position, ...variables },
        token,
      )
    ).caseload;
  const ids = (page: Page['cases']) => page.edges.map((e) => e.node.id);

  describe('drill-down lists behind the caseload counts', () => {
    it.each([
      ['today', {}, '2026-11-20', '2027-02-18'],
      ['a day ahead', { asOf: '2026-12-01' }, '2026-12-01', '2027-03-01'],
      ["a director's caseload", { caseworkerId: 'director-7' }, '2026-11-20', '2027-02-18'],
    ])('list exactly the cases counted (%s)', async (_title, args, asOf, by) => {
      const counts = await caseload({ regionCode: '3703', ...args });
      const filter = {
        regionCode: '3703',
        ...('caseworkerId' in args ? { caseworkerId: args.caseworkerId } : {}),
      };
      const overdue = await list({ filter: { ...filter, overdueAsOf: asOf } });
      expect(overdue.totalCount).toBe(counts.overdueVisits);
      expect(overdue.edges).toHaveLength(counts.overdueVisits);
      for (const { node } of overdue.edges) expect(node.nextVisitDue! < asOf).toBe(true);
      const turning = await list({
        filter: { ...filter, turning18From: asOf, turning18By: by },
      });
      expect(turning.totalCount).toBe(counts.turning18Within90Days);
    });

    it('names the cases: the overdue RED and GREEN, the child turning 18', async () => {
      expect(
        ids(await list({ filter: { regionCode: '3703', overdueAsOf: '2026-11-20' } })),
      ).toEqual([zibo.deFacto, zibo.turning18]);
      expect(
        ids(await list({ filter: { regionCode: '3703', turning18By: '2027-02-18' } })),
      ).toEqual([zibo.turning18]);
      // a birthday window ending before the birthday, and a closed case however overdue
      expect((await list({ filter: { turning18By: '2026-12-19' } })).totalCount).toBe(0);
      expect(ids(await list({ filter: { overdueAsOf: '2030-01-01' } }))).not.toContain(
        followed.caseId,
      );
    });

    it('sorts by the next visit due, soonest first and the unassessed last, a page at a time', async () => {
      const whole = await list({ filter: { regionCode: '3703' }, orderBy: 'NEXT_VISIT_DUE' });
      const dues = whole.edges.map((e) => e.node.nextVisitDue ?? '9999-12-31');
      expect(dues).toEqual([...dues].sort());
      // the closed case's last due date (March) first, then the GREEN and the RED
      expect(ids(whole).slice(0, 3)).toEqual([followed.caseId, zibo.turning18, zibo.deFacto]);
      expect(whole.edges.at(-1)!.node.nextVisitDue).toBeNull();
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Page['cases'] = await list({
          filter: { regionCode: '3703' },
          orderBy: 'NEXT_VISIT_DUE',
          first: 2,
          after,
        });
        seen.push(...ids(page));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after !== null);
      expect(seen).toEqual(ids(whole));
    });

    it('sorts by birth date and by identification, and refuses a cursor of another order', async () => {
      const byBirth = await list({ filter: { regionCode: '3703' }, orderBy: 'BIRTH_DATE' });
      const births = byBirth.edges.map((e) => e.node.birthDate);
      expect(births).toEqual([...births].sort());
      const byIdentified = await list({ filter: { regionCode: '3703' }, orderBy: 'IDENTIFIED_AT' });
      // the seeded children were identified on one day (then by case id); this one later
      expect(ids(byIdentified).at(-1)).toBe(followed.caseId);
      const wrong = await app.gql(
        LIST,
        { orderBy: 'BIRTH_DATE', first: 2, after: byIdentified.edges[0].cursor },
        bureau,
      );
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
      expect(wrong.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['after']);
    });

    it('refuses a bad date in the new filters, naming it', async () => {
      const bad = await app.gql(LIST, { filter: { overdueAsOf: '2026-02-30' } }, bureau);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    });
  });

  describe('the facts a case screen shows', () => {
    it('risk scores, last visit, education, the end of protection, the court acts, why it closed', async () => {
      const { case: screen } = await mustRead<{ case: Record<string, unknown> }>(
        app,
        SCREEN,
        { id: followed.caseId, consistentWith: followed.position },
        bureau,
      );
      expect(screen).toEqual({
        id: followed.caseId,
        status: 'CLOSED',
        riskLevel: 'YELLOW',
        riskScores: { guardianship: 2, living: 1, behaviour: 0 },
        lastVisitAt: '2026-03-02T15:00:00+08:00',
        nextVisitDue: '2026-03-17',
        education: {
          level: 'SENIOR_SECONDARY',
          fullTime: true,
          expectedGraduation: '2027-06-30',
        },
        // in full-time study on the 18th birthday (2027-02-14): protection runs to graduation
        protectionEndsOn: '2027-06-30',
        closedReason: '迁往外省,转出',
        guardianshipActs: [
          {
            act: 'GUARDIANSHIP_REVOKED',
            docketNumber: DOCKET,
            agency: COURT,
            decidedOn: '2026-02-01',
            effectiveOn: '2026-02-10',
          },
        ],
      });
    });

    it('the 18th birthday without study; no reason while open; nothing before an assessment', async () => {
      const { case: screen } = await mustRead<{ case: Record<string, unknown> }>(
        app,
        SCREEN,
        { id: zibo.twoCategories, consistentWith: followed.position },
        bureau,
      );
      expect(screen).toMatchObject({
        protectionEndsOn: '2032-04-04',
        closedReason: null,
        riskScores: null,
        lastVisitAt: null,
        education: null,
        guardianshipActs: [],
      });
    });
  });

  describe('caseTimeline', () => {
    const timeline = async (variables: Record<string, unknown>, token = director) =>
      (await mustRead<{ caseTimeline: Entry[] }>(app, TIMELINE, variables, token)).caseTimeline;

    it("shows a director the case's visits and decisions oldest first, the late court act in its place", async () => {
      const entries = await timeline({ caseId: followed.caseId });
      expect(entries.map((e) => e.type)).toEqual([
        'ChildIdentified',
        'RiskAssessed',
        'GuardianshipRevoked',
        'EducationRecorded',
        'VisitRecorded',
        'CaseClosed',
      ]);
      const ats = entries.map((e) => Date.parse(e.at));
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
      expect(entries[2].summary).toContain(DOCKET);
      expect(entries[1].summary).toContain('YELLOW');
    });

    it('carries no name, ID number or free text', async () => {
      const text = JSON.stringify(await timeline({ caseId: followed.caseId }));
      for (const secret of [
        '测试跟进',
        '测试爷爷',
        followed.idNumber,
        followed.idNumber.slice(6, 14),
        '淄博市张店区民政局',
        '迁往外省',
      ])
        expect(text).not.toContain(secret);
    });

    it('pages with first and after', async () => {
      const whole = await timeline({ caseId: followed.caseId });
      const first = await timeline({ caseId: followed.caseId, first: 4 });
      const rest = await timeline({ caseId: followed.caseId, after: first.at(-1)!.cursor });
      expect([...first, ...rest]).toEqual(whole);
      const bad = await app.gql(TIMELINE, { caseId: followed.caseId, after: 'nope' }, director);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    });

    it('is for every role that may read the case, in its regions', async () => {
      const code = async (token: string, caseId = followed.caseId) =>
        codeOf(await app.gql(TIMELINE, { caseId }, token));
      expect(await code(app.token('AUDITOR', ['3703']))).toBeUndefined();
      expect(await code(app.token('SUPERVISOR', ['370303']))).toBeUndefined();
      expect(await code(app.token('COURT', ['*'], { agency: COURT }))).toBe('FORBIDDEN');
      expect(await code(app.token('CHILD_DIRECTOR', ['370303002001']))).toBe('FORBIDDEN');
      expect(await code(director, '0a000000-0000-4000-8000-00000000dead')).toBe('NOT_FOUND');
      expect(await code('')).toBe('UNAUTHENTICATED');
    });
  });

  describe('benefitStandards', () => {
    const standards = async (variables: Record<string, unknown>, token = bureau) =>
      (
        await mustRead<{ benefitStandards: Record<string, string>[] }>(
          app,
          STANDARDS,
          { consistentWith: followed.position, ...variables },
          token,
        )
      ).benefitStandards;

    it('shows a bureau what it set, by category and date', async () => {
      expect(await standards({})).toEqual([
        {
          regionCode: '3703',
          category: 'DE_FACTO_UNSUPPORTED',
          monthlyAmount: '1978.00',
          effectiveFrom: '2024-01-01',
        },
        {
          regionCode: '3703',
          category: 'DE_FACTO_UNSUPPORTED',
          monthlyAmount: '2100.00',
          effectiveFrom: '2025-07-01',
        },
        {
          regionCode: '3703',
          category: 'ORPHAN',
          monthlyAmount: '1978.00',
          effectiveFrom: '2024-01-01',
        },
        {
          regionCode: '3703',
          category: 'ORPHAN',
          monthlyAmount: '2300.00',
          effectiveFrom: '2025-07-01',
        },
      ]);
    });

    it("shows a county the city's standards above it, and not another city's", async () => {
      const county = app.token('CIVIL_AFFAIRS', ['370303']);
      expect((await standards({}, county)).map((s) => s.regionCode)).toEqual([
        '3703',
        '3703',
        '3703',
        '3703',
      ]);
      const hangzhou = app.token('CIVIL_AFFAIRS', ['3301']);
      expect(await standards({}, hangzhou)).toEqual([]);
      expect(codeOf(await app.gql(STANDARDS, { regionCode: '3703' }, hangzhou))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(STANDARDS, {}, app.token('AUDITOR')))).toBe('FORBIDDEN');
    });

    it('shows the standard set last for one date, once', async () => {
      const admin = app.token('ADMIN');
      await mustMutate(
        app,
        'setBenefitStandard',
        {
          regionCode: '370303',
          category: 'ORPHAN',
          monthlyAmount: '2400.00',
          effectiveFrom: '2026-01-01',
        },
        admin,
      );
      const { position } = await mustMutate(
        app,
        'setBenefitStandard',
        {
          regionCode: '370303',
          category: 'ORPHAN',
          monthlyAmount: '2450.00',
          effectiveFrom: '2026-01-01',
        },
        admin,
      );
      const county = await standards({ regionCode: '370303', consistentWith: position });
      expect(county.filter((s) => s.regionCode === '370303')).toEqual([
        {
          regionCode: '370303',
          category: 'ORPHAN',
          monthlyAmount: '2450.00',
          effectiveFrom: '2026-01-01',
        },
      ]);
    });
  });
});

import { DEFAULT_POLICY } from '@app/domain';
import { request } from 'node:http';
import { makeFictionalIdNumber } from '@app/domain';
import {
  ACCESS_LOG_STORE,
  type AccessLogStore,
} from '@app/runtime/audit/access-log/access-log.port';
import { PRESETS } from '../tools/seed/regions';
import { planRegion } from '../tools/seed/seed-plan';
import { runSeed } from '../tools/seed/seed-runner';
import { mustMutate, mutate, RUN_AGE_OUT_REVIEW } from './support/cases-api';
import {
  CANDIDATES,
  csv,
  postRoster,
  RESOLVE_SIGNAL,
  SIGNALS,
  type RosterAnswer,
} from './support/monitoring-api';
import { TestApp } from './support/test-app';

type SeededCase = {
  id: string;
  regionCode: string;
  status: string;
  categories: string[];
  child: { idNumber: string };
};
type Signal = {
  caseId: string;
  kind: string;
  rosterKind: string;
  asOf: string;
  status: string;
  category: string | null;
};

const OPEN = ['IDENTIFIED', 'ASSESSED', 'ENROLLED', 'EXTENDED'];
const AS_OF = '2026-11-01';
const NEW_VILLAGE = '370303001002';

/**
 * Rosters of every kind against the Zibo preset (a deterministic slice of it), each signal and
 * candidate checked against what the rows were chosen to tell.
 */
describe('dynamic monitoring against the Zibo preset', () => {
  let app: TestApp;
  let bureau: string;
  let cases: SeededCase[];
  const open = () => cases.filter((c) => OPEN.includes(c.status));
  const row = (c: SeededCase, name = '测试儿童') => [c.child.idNumber, name, c.regionCode];
  const expected: Signal[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    const plan = planRegion(PRESETS.zibo, {
      policy: DEFAULT_POLICY,
      seed: 11,
      asOf: AS_OF,
      children: 120,
    });
    const report = await runSeed(app.app, plan, { concurrency: 4, asOf: AS_OF });
    expect(report.refused).toEqual({});
    bureau = app.token('CIVIL_AFFAIRS', ['3703']);
    const review = await app.gql<{ runAgeOutReview: { position: string } }>(
      RUN_AGE_OUT_REVIEW,
      { asOf: AS_OF },
      bureau,
    );
    const listed = await app.gql<{ cases: { edges: { node: SeededCase }[] } }>(
      `query($p: String) { cases(filter: { regionCode: "3703" }, first: 200, consistentWith: $p) {
        edges { node { id regionCode status categories child { idNumber } } } } }`,
      { p: review.data!.runAgeOutReview.position },
      app.token('ADMIN'),
    );
    cases = listed.data!.cases.edges.map((e) => e.node);
    expect(cases).toHaveLength(120);
  }, 240_000);

  afterAll(() => app?.close());

  const importOk = async (params: Parameters<typeof postRoster>[2], body: string) => {
    const answer = await postRoster(app, bureau, params, body);
    expect(answer.status).toBe(201);
    return answer.body as unknown as RosterAnswer;
  };

  const signals = async (consistentWith: string, status?: string): Promise<Signal[]> => {
    const response = await app.gql<{
      monitoringSignals: { edges: { node: Signal & { id: string } }[] };
    }>(SIGNALS, { regionCode: '3703', first: 200, consistentWith, status }, bureau);
    return response.data!.monitoringSignals.edges.map(({ node }) => ({
      caseId: node.caseId,
      kind: node.kind,
      rosterKind: node.rosterKind,
      asOf: node.asOf,
      status: node.status,
      category: node.category,
    }));
  };
  const sorted = (list: Signal[]) =>
    [...list].sort((a, b) =>
      `${a.caseId}${a.kind}${a.rosterKind}`.localeCompare(`${b.caseId}${b.kind}${b.rosterKind}`),
    );

  let minimumLiving: RosterAnswer;
  let minimumLivingFile: string;
  const newChildren = [
    makeFictionalIdNumber('370303', '2015-03-03', 101),
    makeFictionalIdNumber('370303', '2016-04-04', 102),
  ];

  it('a complete minimum-living roster: found, lapsed, candidates, bad rows reported and passed over', async () => {
    const holders = open().filter((c) => c.categories.includes('MINIMUM_LIVING'));
    const lacking = open().find((c) => !c.categories.includes('MINIMUM_LIVING'))!;
    expect(holders.length).toBeGreaterThanOrEqual(2);
    const [lapsed, ...stillListed] = holders;
    const badCheck = makeFictionalIdNumber('370303', '2014-01-01', 7);
    const rows = [
      ...stillListed.map((c) => row(c)),
      row(lacking),
      [newChildren[0], '新儿童甲', NEW_VILLAGE],
      [badCheck.slice(0, 17) + (badCheck[17] === '0' ? '1' : '0'), '校验错', NEW_VILLAGE],
      [newChildren[1], '"新儿童,乙"', NEW_VILLAGE],
      [makeFictionalIdNumber('330102', '2015-01-01', 9), '外地儿童', '330102001001'],
      [makeFictionalIdNumber('370303', '2000-01-01', 11), '成年人', NEW_VILLAGE],
    ];
    minimumLivingFile = '\uFEFF' + csv(rows);
    minimumLiving = await importOk(
      { kind: 'MINIMUM_LIVING', asOf: AS_OF, complete: true, regionCode: '3703' },
      minimumLivingFile,
    );
    const header = 1;
    const line = (i: number) => header + 1 + i;
    expect(minimumLiving).toMatchObject({
      rows: rows.length,
      matchedCases: stillListed.length + 1,
      candidates: 2,
      signals: 2,
      adultRows: 1,
      replayed: false,
      invalidRows: [
        { line: line(stillListed.length + 2), fields: ['id_number'] },
        { line: line(stillListed.length + 4), fields: ['region_code'] },
      ],
    });
    expected.push(
      {
        caseId: lacking.id,
        kind: 'CATEGORY_EVIDENCE_FOUND',
        rosterKind: 'MINIMUM_LIVING',
        asOf: AS_OF,
        status: 'OPEN',
        category: 'MINIMUM_LIVING',
      },
      {
        caseId: lapsed.id,
        kind: 'CATEGORY_EVIDENCE_LAPSED',
        rosterKind: 'MINIMUM_LIVING',
        asOf: AS_OF,
        status: 'OPEN',
        category: 'MINIMUM_LIVING',
      },
    );
    expect(sorted(await signals(minimumLiving.position))).toEqual(sorted(expected));
  });

  it('the same file again answers the first import and writes nothing', async () => {
    const again = await importOk(
      { kind: 'MINIMUM_LIVING', asOf: AS_OF, complete: true, regionCode: '3703' },
      minimumLivingFile,
    );
    expect({ ...again, replayed: false, position: minimumLiving.position }).toEqual(minimumLiving);
    expect(again.replayed).toBe(true);
    expect(sorted(await signals(again.position))).toEqual(sorted(expected));
  });

  it('each other kind: a category it implies, or a risk, once per evidence', async () => {
    const byCategory: [string, string][] = [
      ['MARGINAL_LOW_INCOME', 'MARGINAL_LOW_INCOME'],
      ['EXTREME_POVERTY', 'EXTREME_POVERTY'],
      ['DISABILITY_CERTIFICATE', 'DISABLED'],
    ];
    let position = '';
    for (const [i, [kind, category]] of byCategory.entries()) {
      const lacking = open().filter((c) => !c.categories.includes(category))[i + 1];
      const holder = open().find((c) => c.categories.includes(category));
      const rows = [row(lacking), ...(holder ? [row(holder)] : [])];
      const answer = await importOk({ kind, asOf: AS_OF }, csv(rows));
      expect(answer).toMatchObject({
        rows: rows.length,
        matchedCases: rows.length,
        signals: 1,
        candidates: 0,
      });
      expected.push({
        caseId: lacking.id,
        kind: 'CATEGORY_EVIDENCE_FOUND',
        rosterKind: kind,
        asOf: AS_OF,
        status: 'OPEN',
        category,
      });
      position = answer.position;
    }
    for (const [i, kind] of [
      'PARENT_IMPRISONED',
      'PARENT_SEVERELY_DISABLED',
      'SCHOOL_DROPOUT',
    ].entries()) {
      const listed = open().slice(10 + i * 3, 13 + i * 3);
      const answer = await importOk({ kind, asOf: AS_OF }, csv(listed.map((c) => row(c))));
      expect(answer).toMatchObject({ rows: 3, matchedCases: 3, signals: 3, candidates: 0 });
      for (const c of listed)
        expected.push({
          caseId: c.id,
          kind: 'RISK_EVIDENCE_FOUND',
          rosterKind: kind,
          asOf: AS_OF,
          status: 'OPEN',
          category: null,
        });
      // another file telling the same (rows in another order): no signal twice
      const same = await importOk(
        { kind, asOf: AS_OF },
        csv([...listed].reverse().map((c) => row(c))),
      );
      expect(same).toMatchObject({ matchedCases: 3, signals: 0, replayed: false });
      position = same.position;
    }
    expect(sorted(await signals(position))).toEqual(sorted(expected));
    const load = await app.gql<{ caseload: { openSignals: number } }>(
      `query($p: String) { caseload(regionCode: "3703", consistentWith: $p) { openSignals } }`,
      { p: position },
      bureau,
    );
    expect(load.data!.caseload.openSignals).toBe(expected.length);
  });

  it('a person resolves a signal with a reason, once', async () => {
    const [first] = (
      await app.gql<{ monitoringSignals: { edges: { node: { id: string; caseId: string } }[] } }>(
        SIGNALS,
        { status: 'OPEN', first: 1 },
        bureau,
      )
    ).data!.monitoringSignals.edges;
    const director = app.token('CHILD_DIRECTOR', ['3703']);
    const input = { signalId: first.node.id, resolution: '已核实，已调整类别' };
    const resolved = await app.gql<{ resolveSignal: { position: string; caseId: string } }>(
      RESOLVE_SIGNAL,
      { input },
      director,
    );
    expect(resolved.data!.resolveSignal.caseId).toBe(first.node.caseId);
    const open = await signals(resolved.data!.resolveSignal.position, 'OPEN');
    expect(open).toHaveLength(expected.length - 1);
    const twice = await app.gql(RESOLVE_SIGNAL, { input }, director);
    expect(twice.errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
    const unknown = await app.gql(
      RESOLVE_SIGNAL,
      { input: { ...input, signalId: 'nope' } },
      director,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('candidates by village: personal information to entitled roles, each read logged', async () => {
    const director = app.token('CHILD_DIRECTOR', [NEW_VILLAGE], { sub: 'director-9' });
    const page = await app.gql<{
      identificationCandidates: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            regionCode: string;
            rosterKinds: string[];
            firstSeenOn: string;
            child: { name: string; idNumber: string; idNumberMasked: string };
          };
        }[];
      };
    }>(CANDIDATES, {}, director);
    const nodes = page.data!.identificationCandidates.edges.map((e) => e.node);
    expect(
      nodes
        .map((n) => [n.child.idNumber, n.child.name, n.regionCode, n.rosterKinds, n.firstSeenOn])
        .sort(),
    ).toEqual(
      [
        [newChildren[0], '新儿童甲', NEW_VILLAGE, ['MINIMUM_LIVING'], AS_OF],
        [newChildren[1], '新儿童,乙', NEW_VILLAGE, ['MINIMUM_LIVING'], AS_OF],
      ].sort(),
    );
    const log = app.app.get<AccessLogStore>(ACCESS_LOG_STORE);
    const reads = await log.forCase(nodes[0].id);
    expect(reads.map((r) => [r.actor.id, [...r.fields].sort()])).toEqual([
      ['director-9', ['idNumber', 'name']],
    ]);
    const auditor = await app.gql(CANDIDATES, {}, app.token('AUDITOR'));
    expect(auditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const elsewhere = await app.gql<{ identificationCandidates: { totalCount: number } }>(
      CANDIDATES,
      {},
      app.token('CHILD_DIRECTOR', ['370303001001']),
    );
    expect(elsewhere.data!.identificationCandidates.totalCount).toBe(0);
  });

  it('identifyChild(candidateId:) makes the case and closes the candidate', async () => {
    const director = app.token('CHILD_DIRECTOR', [NEW_VILLAGE]);
    const nodes = (
      await app.gql<{
        identificationCandidates: {
          edges: { node: { id: string; child: { idNumber: string } } }[];
        };
      }>(CANDIDATES, {}, director)
    ).data!.identificationCandidates.edges.map((e) => e.node);
    const [candidate, other] = nodes;
    const input = {
      idNumber: candidate.child.idNumber,
      name: '新儿童',
      regionCode: NEW_VILLAGE,
      source: 'DATA_MATCH',
      identifiedAt: '2026-11-05T09:00:00+08:00',
      candidateId: candidate.id,
    };
    const wrong = await mutate(
      app,
      'identifyChild',
      { ...input, idNumber: other.child.idNumber },
      director,
    );
    expect(wrong.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual([
      'input.candidateId',
    ]);
    const made = await mustMutate(app, 'identifyChild', input, director);
    expect(made.caseId).toEqual(expect.any(String));
    const again = await mutate(app, 'identifyChild', input, director);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const left = await app.gql<{ identificationCandidates: { edges: { node: { id: string } }[] } }>(
      CANDIDATES,
      {},
      director,
    );
    expect(left.data!.identificationCandidates.edges.map((e) => e.node.id)).toEqual([other.id]);
  });

  it('refuses what is not a roster, with the field at fault and nothing written', async () => {
    const gbk = Buffer.concat([
      Buffer.from('id_number,name,region_code\r\n'),
      Buffer.from(`${newChildren[0]},`),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(`,${NEW_VILLAGE}\r\n`),
    ]);
    const encoding = await postRoster(app, bureau, { kind: 'SCHOOL_DROPOUT', asOf: AS_OF }, gbk);
    expect(encoding.status).toBe(400);
    expect(encoding.body.fields).toEqual([expect.objectContaining({ field: 'encoding' })]);
    expect(JSON.stringify(encoding.body)).not.toContain(newChildren[0]);
    const header = await postRoster(
      app,
      bureau,
      { kind: 'SCHOOL_DROPOUT', asOf: AS_OF },
      'idcard,name\r\n1,2\r\n',
    );
    expect(header.status).toBe(400);
    expect(header.body.fields).toEqual([expect.objectContaining({ field: 'header' })]);
    const query = await postRoster(
      app,
      bureau,
      { kind: 'NOPE', asOf: '2999-01-01', regionCode: '37x' },
      csv([]),
    );
    expect((query.body.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'kind',
      'asOf',
      'regionCode',
    ]);
    const director = await postRoster(
      app,
      app.token('CHILD_DIRECTOR', ['3703']),
      { kind: 'SCHOOL_DROPOUT', asOf: AS_OF },
      csv([]),
    );
    expect(director.status).toBe(403);
    const outside = await postRoster(
      app,
      bureau,
      { kind: 'SCHOOL_DROPOUT', asOf: AS_OF, regionCode: '3301' },
      csv([]),
    );
    expect(outside.status).toBe(403);
    const json = await postRoster(
      app,
      bureau,
      { kind: 'SCHOOL_DROPOUT', asOf: AS_OF },
      '{}',
      'application/json',
    );
    expect(json.status).toBe(415);
    // the spool of every import, refused or not, is gone
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(app.config.dataDir).filter((f) => f.startsWith('.roster-'))).toEqual([]);
  });

  it('refuses a 2 GB body by its declared length before reading it', async () => {
    const url = new URL(`${app.url}/monitoring/v1/rosters?kind=SCHOOL_DROPOUT&asOf=${AS_OF}`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${bureau}`,
          'content-type': 'text/csv',
          'content-length': String(2 * 1024 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('id_number,name,region_code\r\n');
    });
    expect(status).toBe(413);
  });

  it('erases candidates nobody acted on after the retention period, from the file too', async () => {
    const director = app.token('CHILD_DIRECTOR', [NEW_VILLAGE]);
    app.setNow(new Date(Date.now() + 91 * 24 * 3600 * 1000).toISOString());
    try {
      const page = await app.gql<{ identificationCandidates: { totalCount: number } }>(
        CANDIDATES,
        {},
        director,
      );
      expect(page.data!.identificationCandidates.totalCount).toBe(0);
    } finally {
      app.setNow(null);
    }
    const { readFileSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const file of ['monitoring.sqlite', 'monitoring.sqlite-wal']) {
      const path = join(app.config.dataDir, file);
      if (existsSync(path))
        expect(readFileSync(path).includes(Buffer.from('新儿童,乙'))).toBe(false);
    }
  });
});

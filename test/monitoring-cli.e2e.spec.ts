import { DEFAULT_POLICY } from '@app/domain';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFictionalIdNumber } from '@app/domain';
import { PRESETS } from '../tools/seed/regions';
import { planRegion } from '../tools/seed/seed-plan';
import { runSeed } from '../tools/seed/seed-runner';
import { importRosterFile } from '../tools/monitoring/roster-file';
import { csv, postRoster, SIGNALS, type RosterAnswer } from './support/monitoring-api';
import { TestApp } from './support/test-app';

const AS_OF = '2026-11-01';
type Listed = {
  id: string;
  status: string;
  regionCode: string;
  categories: string[];
  child: { idNumber: string };
};

/** Two identical Zibo stores: one imports over REST, the other with the CLI's code; same answers. */
describe('roster:import and POST /monitoring/v1/rosters', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  async function seeded(): Promise<{ app: TestApp; cases: Listed[] }> {
    const app = await TestApp.start();
    apps.push(app);
    const plan = planRegion(PRESETS.zibo, {
      policy: DEFAULT_POLICY,
      seed: 5,
      asOf: AS_OF,
      children: 60,
    });
    await runSeed(app.app, plan, { concurrency: 4, asOf: AS_OF });
    const review = await app.gql<{ runAgeOutReview: { position: string } }>(
      `mutation { runAgeOutReview(asOf: "${AS_OF}") { position } }`,
      {},
      app.token('ADMIN'),
    );
    const listed = await app.gql<{ cases: { edges: { node: Listed }[] } }>(
      `query($p: String) { cases(filter: { regionCode: "3703" }, first: 200, consistentWith: $p) {
        edges { node { id status regionCode categories child { idNumber } } } } }`,
      { p: review.data!.runAgeOutReview.position },
      app.token('ADMIN'),
    );
    return { app, cases: listed.data!.cases.edges.map((e) => e.node) };
  }

  const signalsByIdNumber = async (app: TestApp, cases: Listed[], position: string) => {
    const idOf = new Map(cases.map((c) => [c.id, c.child.idNumber]));
    const response = await app.gql<{
      monitoringSignals: {
        edges: { node: { caseId: string; kind: string; rosterKind: string; asOf: string } }[];
      };
    }>(SIGNALS, { first: 200, consistentWith: position }, app.token('ADMIN'));
    return response
      .data!.monitoringSignals.edges.map(
        ({ node }) => `${idOf.get(node.caseId)} ${node.kind} ${node.rosterKind} ${node.asOf}`,
      )
      .sort();
  };

  it('gives the same answer, signals and candidates', async () => {
    const [rest, cli] = [await seeded(), await seeded()];
    expect(cli.cases.map((c) => c.child.idNumber).sort()).toEqual(
      rest.cases.map((c) => c.child.idNumber).sort(),
    );
    const chosen = rest.cases.filter((c) => c.status !== 'CLOSED').slice(0, 20);
    const rows = [
      ...chosen.map((c) => [c.child.idNumber, '测试', c.regionCode]),
      [makeFictionalIdNumber('370303', '2015-05-05', 201), '新儿童', '370303001003'],
      ['370303201505050000', '坏号码', '370303001003'],
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'roster.csv');
    writeFileSync(file, csv(rows));
    const params = { kind: 'MINIMUM_LIVING', asOf: AS_OF, complete: true, regionCode: '3703' };
    const viaRest = await postRoster(
      rest.app,
      rest.app.token('CIVIL_AFFAIRS', ['3703']),
      params,
      csv(rows),
    );
    expect(viaRest.status).toBe(201);
    const a = viaRest.body as unknown as RosterAnswer;
    const b = await importRosterFile(cli.app.app, {
      file,
      ...params,
      principal: { id: 'cli', role: 'CIVIL_AFFAIRS', regions: ['3703'] },
      correlationId: 'cli-1',
    });
    const comparable = (x: RosterAnswer) => ({ ...x, importId: '', position: '' });
    expect(comparable(b)).toEqual(comparable(a));
    expect(a.signals).toBeGreaterThan(0);
    expect(await signalsByIdNumber(cli.app, cli.cases, b.position)).toEqual(
      await signalsByIdNumber(rest.app, rest.cases, a.position),
    );
  }, 120_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mustMutate } from './support/cases-api';
import { ProjectorProcess } from './support/projector-process';
import { describeEachReadModelStore } from './support/read-model-stores';
import { CASELOAD, mustRead, seedZibo, ZIBO_VILLAGE, type ZiboCases } from './support/read-side';
import { TestApp } from './support/test-app';

type Health = {
  eventStore: { headPosition: string };
  projections: { status: string; runner: string; checkpoint: string | null; lag: number | null };
};

const CASE = `query($id: ID!, $c: String) { case(id: $id, consistentWith: $c) { caseworkerId revision } }`;

/**
 * Several api instances: apps/projector runs the projections in its own process, the api runs
 * with PROJECTIONS=external and follows the checkpoints the projector commits (PostgreSQL
 * LISTEN/NOTIFY, or the SQLite file's data_version), so `consistentWith` holds across processes.
 */
describeEachReadModelStore('the projections in their own process', (readModels) => {
  let dir: string;
  let env: Record<string, string>;
  let projector: ProjectorProcess | undefined;
  let app: TestApp;
  let zibo: ZiboCases;
  let bureau: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cross-process-'));
    env = { ...(await readModels.env()), PROJECTIONS: 'external' };
    app = await TestApp.start(env, dir);
    projector = await ProjectorProcess.start({
      ...env,
      DATA_DIR: dir,
      AUTH_JWT_SECRET: app.config.jwtSecret,
      PROJECTIONS: 'internal',
    });
    bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau-zibo' });
    zibo = await seedZibo(app);
  }, 60_000);
  afterAll(async () => {
    await projector?.stop();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const health = async (url: string) => (await (await fetch(`${url}/health`)).json()) as Health;

  it('answers a read with consistentWith from what the other process projected', async () => {
    const { caseload } = await mustRead<{ caseload: { open: number; overdueVisits: number } }>(
      app,
      CASELOAD,
      { regionCode: '3703', asOf: '2026-11-20', consistentWith: zibo.position },
      bureau,
    );
    expect(caseload).toMatchObject({ open: 4, overdueVisits: 2 });

    const write = await mustMutate(
      app,
      'assignCaseworker',
      { caseId: zibo.marginal, caseworkerId: 'director-8' },
      bureau,
    );
    const { case: found } = await mustRead<{ case: { caseworkerId: string; revision: number } }>(
      app,
      CASE,
      { id: zibo.marginal, c: write.position },
      bureau,
    );
    expect(found).toEqual({ caseworkerId: 'director-8', revision: write.revision });
  });

  it("reports the projector's checkpoints and lag in the api's /health, and in its own", async () => {
    const api = await health(app.url);
    expect(api.projections).toMatchObject({
      status: 'ok',
      runner: 'external',
      checkpoint: api.eventStore.headPosition,
      lag: 0,
    });
    const own = await projector!.health();
    expect(own.status).toBe(200);
    expect(own.body.projections).toMatchObject({ status: 'ok', runner: 'in-process', lag: 0 });
    expect(await projector!.metrics()).toMatch(
      /cases_projection_lag_events\{projection="case-summary"\} 0/,
    );
  });

  it('projects nothing in the api: with the projector stopped the lag grows, and a new one catches up', async () => {
    expect(await projector!.stop()).toEqual({ code: 0, signal: null });
    projector = undefined;
    const write = await mustMutate(
      app,
      'recordVisit',
      { caseId: zibo.deFacto, visitedAt: '2026-11-19T10:00:00+08:00' },
      app.token('CHILD_DIRECTOR', [ZIBO_VILLAGE]),
    );
    expect((await health(app.url)).projections).toMatchObject({ runner: 'external', lag: 1 });

    projector = await ProjectorProcess.start({
      ...env,
      DATA_DIR: dir,
      AUTH_JWT_SECRET: app.config.jwtSecret,
      PROJECTIONS: 'internal',
    });
    const { caseload } = await mustRead<{ caseload: { overdueVisits: number } }>(
      app,
      CASELOAD,
      { regionCode: '3703', asOf: '2026-11-20', consistentWith: write.position },
      bureau,
    );
    expect(caseload.overdueVisits).toBe(1);
  }, 60_000);
});

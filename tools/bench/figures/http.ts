import { TokenService } from '../../../apps/api/src/auth/token.service';
import { PRESETS } from '../../seed/regions';
import { CASE_QUERY, SAMPLE_CASE } from '../servers/case-query';
import { startApiServer } from '../support/api-server';
import { benchConfig } from '../support/bench-app';
import { sampleCaseIds } from '../support/case-ids';
import { graphqlOnce } from '../support/http-load';
import { progress } from '../support/progress';
import type { FigureKey } from '../report/catalogue';
import { BARE_MERCURIUS, measureConstantServer, NEST_MERCURIUS } from './constant-servers';
import { measureCaseAsOf } from './case-as-of';
import { measureGraphqlCase } from './graphql-case';
import type { Durations, Measured } from './measured';
import { LONG_STREAM_EVENTS, type Dataset } from './seed';

/** Runs one figure; a failure marks its figures missing with the reason and the others go on. */
async function settle(into: Measured, keys: FigureKey[], measure: () => Promise<Measured>) {
  try {
    const m = await measure();
    Object.assign(into.figures, m.figures);
    Object.assign(into.missing!, m.missing ?? {});
    Object.assign(into.notes!, m.notes ?? {});
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    progress('http', `FAILED (${keys.join(', ')}): ${why}`);
    for (const key of keys) {
      into.figures[key] = null;
      into.missing![key] = why;
    }
  }
}

/**
 * The HTTP figures: the real server in its own process on the seeded store (caseAsOf while it is
 * idle, then the case(id) load and its peak RSS), then the minimal Nest server and the bare
 * Mercurius server, each in its own process under the same load; autocannon runs in this
 * process. `execArgv` (e.g. --cpu-prof) goes to every server.
 */
export async function measureHttp(
  dataset: Dataset,
  durations: Durations,
  quick: boolean,
  execArgv: string[] = [],
): Promise<Measured> {
  const measured: Measured = { figures: {}, missing: {}, notes: {} };
  const ids = sampleCaseIds(dataset.dir);
  const tokens = new TokenService(benchConfig(dataset.dir));
  const region = PRESETS[dataset.preset].root;
  const reader = tokens.sign({ sub: 'bench-bureau', role: 'CIVIL_AFFAIRS', regions: [region] });
  const auditor = tokens.sign({ sub: 'bench-auditor', role: 'AUDITOR', regions: ['*'] });
  let answer: unknown = { ...SAMPLE_CASE, id: ids[0] };

  const serverFigures: FigureKey[] = ['graphqlCaseRps', 'graphqlCaseP99Ms', 'serverPeakRssMb'];
  await settle(measured, ['caseAsOfMs', ...serverFigures], async () => {
    progress('http', 'starting the API server');
    const { server, url } = await startApiServer(dataset.dir, execArgv);
    const inner: Measured = { figures: {}, missing: {}, notes: {} };
    try {
      const check = await graphqlOnce(`${url}/graphql`, CASE_QUERY, { id: ids[0] }, reader);
      if (check.status !== 200 || check.body.errors || !check.body.data?.case)
        throw new Error(
          `case(id) answered ${check.status}: ${JSON.stringify(check.body).slice(0, 300)}`,
        );
      answer = check.body.data.case;
      await settle(inner, ['caseAsOfMs'], () =>
        measureCaseAsOf(url, auditor, dataset.longCaseId, LONG_STREAM_EVENTS, quick ? 15 : 40),
      );
      await settle(inner, serverFigures, () =>
        measureGraphqlCase(server, url, reader, ids, durations),
      );
    } finally {
      await server.stop();
    }
    return inner;
  });
  for (const server of [NEST_MERCURIUS, BARE_MERCURIUS]) {
    await settle(measured, [server.rps, server.p99Ms], () =>
      measureConstantServer(server, answer, ids, durations, execArgv),
    );
  }
  return measured;
}

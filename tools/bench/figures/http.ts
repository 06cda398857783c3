import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TokenService } from '../../../apps/api/src/auth/token.service';
import { PRESETS } from '../../seed/regions';
import { CASE_QUERY } from '../servers/case-query';
import { startApiServer } from '../support/api-server';
import { benchConfig } from '../support/bench-app';
import { ChildServer, freePort } from '../support/child-server';
import { median } from '../support/concurrent';
import { graphqlLoad, graphqlOnce, type LoadResult } from '../support/http-load';
import { progress } from '../support/progress';
import type { Durations, Measured } from './measured';
import { LONG_STREAM_EVENTS, type Dataset } from './seed';

const CONNECTIONS = 16;
const CASE_AS_OF_QUERY = `query CaseAsOf($id: ID!, $at: DateTime!) {
  caseAsOf(caseId: $id, at: $at) { id status revision programmes { programme from to } }
}`;

/** Up to 1,000 case ids spread evenly over the seeded log. */
function sampleCaseIds(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const streams = db
      .prepare("SELECT stream_id FROM events WHERE revision = 0 AND stream_id LIKE 'case-%' ORDER BY position")
      .pluck()
      .all() as string[];
    const step = Math.max(1, Math.floor(streams.length / 1000));
    return streams.filter((_, i) => i % step === 0).slice(0, 1000).map((s) => s.slice('case-'.length));
  } finally {
    db.close();
  }
}

async function timedLoad(
  label: string,
  url: string,
  token: string | undefined,
  ids: string[],
  { loadSeconds, loadWarmupSeconds }: Durations,
): Promise<LoadResult> {
  let i = 0;
  const load = (seconds: number) =>
    graphqlLoad({
      url: `${url}/graphql`,
      token,
      query: CASE_QUERY,
      variables: () => ({ id: ids[i++ % ids.length] }),
      connections: CONNECTIONS,
      seconds,
    });
  progress('http', `${label}: warming up ${loadWarmupSeconds} s`);
  await load(loadWarmupSeconds);
  progress('http', `${label}: ${CONNECTIONS} connections for ${loadSeconds} s`);
  const result = await load(loadSeconds);
  if (result.non2xx || result.errors)
    progress('http', `${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

/** caseAsOf on the long stream, one request at a time on an idle server: the median. */
async function measureCaseAsOf(url: string, token: string, caseId: string, samples: number) {
  const at = new Date().toISOString();
  const ask = () => graphqlOnce(`${url}/graphql`, CASE_AS_OF_QUERY, { id: caseId, at }, token);
  const first = await ask();
  const answer = first.body.data?.caseAsOf as { revision?: number } | undefined;
  if (first.status !== 200 || answer?.revision !== LONG_STREAM_EVENTS - 1)
    throw new Error(`caseAsOf answered ${first.status}: ${JSON.stringify(first.body).slice(0, 300)}`);
  for (let i = 0; i < 4; i++) await ask();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await ask();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * The HTTP figures: the real server (its own process) on the seeded store, then a bare Mercurius
 * server (its own process) answering the same query from a constant; autocannon runs here.
 */
export async function measureHttp(dataset: Dataset, durations: Durations, quick: boolean): Promise<Measured> {
  const ids = sampleCaseIds(dataset.dir);
  const tokens = new TokenService(benchConfig(dataset.dir));
  const reader = tokens.sign({ sub: 'bench-bureau', role: 'CIVIL_AFFAIRS', regions: [PRESETS[dataset.preset].root] });
  const auditor = tokens.sign({ sub: 'bench-auditor', role: 'AUDITOR', regions: ['*'] });
  const measured: Measured = { figures: {}, missing: {}, notes: {} };

  progress('http', 'starting the API server');
  const { server, url } = await startApiServer(dataset.dir);
  let constant: unknown;
  try {
    const check = await graphqlOnce(`${url}/graphql`, CASE_QUERY, { id: ids[0] }, reader);
    constant = check.body.data?.case;
    if (check.status !== 200 || check.body.errors || !constant)
      throw new Error(`case(id) answered ${check.status}: ${JSON.stringify(check.body).slice(0, 300)}`);
    try {
      measured.figures.caseAsOfMs = await measureCaseAsOf(url, auditor, dataset.longCaseId, quick ? 15 : 40);
    } catch (error) {
      measured.figures.caseAsOfMs = null;
      measured.missing!.caseAsOfMs = (error as Error).message;
    }
    const real = await timedLoad('case(id) on the API server', url, reader, ids, durations);
    measured.figures.graphqlCaseRps = real.rps;
    measured.figures.graphqlCaseP99Ms = real.p99Ms;
    measured.notes!.graphqlCaseRequests = real.requests;
    measured.notes!.graphqlCaseFailures = real.non2xx + real.errors;
    const rss = server.peakRssMb();
    measured.figures.serverPeakRssMb = rss;
    if (rss === null) measured.missing!.serverPeakRssMb = 'no /proc/<pid>/status on this OS';
  } finally {
    await server.stop();
  }

  progress('http', 'starting the bare Mercurius server');
  const port = await freePort();
  const bare = await ChildServer.start({
    name: 'bare Mercurius server',
    entry: join(__dirname, '..', 'servers', `bare-mercurius-server${extnameOf(__filename)}`),
    env: { PORT: String(port), BENCH_CASE_JSON: JSON.stringify(constant) },
    ready: async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200,
  });
  try {
    const bareUrl = `http://127.0.0.1:${port}`;
    const check = await graphqlOnce(`${bareUrl}/graphql`, CASE_QUERY, { id: ids[0] });
    if (JSON.stringify(check.body.data?.case) !== JSON.stringify(constant))
      throw new Error(`the bare server answered differently: ${JSON.stringify(check.body).slice(0, 300)}`);
    const result = await timedLoad('case(id) on the bare server', bareUrl, undefined, ids, durations);
    measured.figures.bareMercuriusRps = result.rps;
    measured.figures.bareMercuriusP99Ms = result.p99Ms;
    measured.notes!.bareMercuriusRequests = result.requests;
  } finally {
    await bare.stop();
  }
  return measured;
}

const extnameOf = (file: string) => (file.endsWith('.ts') ? '.ts' : '.js');

import { TokenService } from '@app/runtime/auth/token.service';
import { PRESETS } from '../../seed/regions';
import { CASE_QUERY, SAMPLE_CASE } from '../servers/case-query';
import { startApiServer } from '../support/api-server';
import { benchConfig } from '../support/bench-app';
import { sampleCaseIds } from '../support/case-ids';
import { graphqlOnce } from '../support/http-load';
import { progress } from '../support/progress';
import type { FigureKey } from '../report/catalogue';
import type { ChildServer } from '../support/child-server';
import { loadSideBySide, type LoadTarget, type SideBySideResult } from '../support/side-by-side';
import {
  BARE_MERCURIUS,
  constantServerFigures,
  NEST_MERCURIUS,
  startConstantServer,
} from './constant-servers';
import { measureCaseAsOf } from './case-as-of';
import { measureFairReads } from './fair-reads';
import { CONNECTIONS, graphqlCaseFigures } from './graphql-case';
import type { Durations, Measured } from './measured';
import { LONG_STREAM_EVENTS, type Dataset } from './seed';

/** The `count` months up to the one of `asOf`, newest first (YYYY-MM). */
function lastMonths(asOf: string, count: number): string[] {
  const [year, month] = asOf.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Runs one figure; a failure marks its figures missing with the reason and the others go on. */
async function settle(into: Measured, keys: FigureKey[], measure: () => Promise<Measured>) {
  try {
    mergeInto(into, await measure());
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    progress('http', `FAILED (${keys.join(', ')}): ${why}`);
    for (const key of keys) {
      into.figures[key] = null;
      into.missing![key] = why;
    }
  }
}

function mergeInto(into: Measured, m: Measured): void {
  Object.assign(into.figures, m.figures);
  Object.assign(into.missing!, m.missing ?? {});
  Object.assign(into.notes!, m.notes ?? {});
}

/** A started server: where to load it, its figures, and how its share of the load becomes them. */
interface Running {
  target: LoadTarget;
  child: ChildServer;
  keys: FigureKey[];
  figures: (result: SideBySideResult) => Measured;
}

/**
 * The HTTP figures: the real server in its own process on the seeded store (caseAsOf while it is
 * idle), the minimal Nest server and the bare Mercurius server, each in its own process; then
 * the case(id) load on all three side by side (alternating windows, loadSideBySide) from
 * autocannon in this process, and the real server's peak RSS. `execArgv` (e.g. --cpu-prof) goes
 * to every server. A server that fails to start leaves its figures missing; the others go on.
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
  const running: Running[] = [];
  try {
    const serverFigures: FigureKey[] = ['graphqlCaseRps', 'graphqlCaseP99Ms', 'serverPeakRssMb'];
    await settle(measured, ['caseAsOfMs', ...serverFigures], async () => {
      progress('http', 'starting the API server');
      const { server, url } = await startApiServer(dataset.dir, execArgv);
      try {
        const check = await graphqlOnce(`${url}/graphql`, CASE_QUERY, { id: ids[0] }, reader);
        if (check.status !== 200 || check.body.errors || !check.body.data?.case)
          throw new Error(
            `case(id) answered ${check.status}: ${JSON.stringify(check.body).slice(0, 300)}`,
          );
        answer = check.body.data.case;
      } catch (error) {
        await server.stop();
        throw error;
      }
      running.push({
        target: { name: 'case(id) on the API server', url, token: reader },
        child: server,
        keys: serverFigures,
        figures: (result) => graphqlCaseFigures(server, result),
      });
      const inner: Measured = { figures: {}, missing: {}, notes: {} };
      await settle(inner, ['caseAsOfMs'], () =>
        measureCaseAsOf(url, auditor, dataset.longCaseId, LONG_STREAM_EVENTS, quick ? 15 : 40),
      );
      return inner;
    });
    for (const server of [NEST_MERCURIUS, BARE_MERCURIUS]) {
      const keys: FigureKey[] = [server.rps, server.p99Ms];
      await settle(measured, keys, async () => {
        const { child, url } = await startConstantServer(server, answer, ids, execArgv);
        running.push({
          target: { name: `case(id) on the ${server.name}`, url },
          child,
          keys,
          figures: (result) => constantServerFigures(server, result),
        });
        return { figures: {} };
      });
    }
    if (running.length > 0)
      await settle(
        measured,
        running.flatMap((r) => r.keys),
        async () => {
          const windowSeconds = durations.loadWindowSeconds;
          const results = await loadSideBySide(
            running.map((r) => r.target),
            {
              query: CASE_QUERY,
              ids,
              connections: CONNECTIONS,
              warmupSeconds: durations.loadWarmupSeconds,
              rounds: Math.max(1, Math.round(durations.loadSeconds / windowSeconds)),
              windowSeconds,
            },
          );
          const all: Measured = { figures: {}, missing: {}, notes: {} };
          results.forEach((result, i) => mergeInto(all, running[i].figures(result)));
          all.notes!.httpLoadWindows = `${results[0].windows} x ${windowSeconds} s per server, alternating`;
          return all;
        },
      );
    const api = running.find((r) => r.keys.includes('graphqlCaseRps'));
    if (api)
      await settle(measured, ['fairCaseP99Ms', 'fairHeavyRps'], () => {
        progress('http', 'fair reads: case(id) beside 50 connections of heavy reads');
        const heavyToken = tokens.sign({
          sub: 'bench-heavy',
          role: 'CIVIL_AFFAIRS',
          regions: [region],
        });
        return measureFairReads({
          url: api.target.url,
          heavyToken,
          readerToken: reader,
          ids,
          region,
          months: lastMonths(dataset.asOf, 24),
          seconds: durations.loadSeconds,
        });
      });
  } finally {
    await Promise.all(running.map((r) => r.child.stop()));
  }
  return measured;
}

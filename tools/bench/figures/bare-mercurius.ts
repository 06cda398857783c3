import { join } from 'node:path';
import { CASE_QUERY } from '../servers/case-query';
import { ChildServer, freePort } from '../support/child-server';
import { caseLoad, graphqlOnce } from '../support/http-load';
import { progress } from '../support/progress';
import { CONNECTIONS } from './graphql-case';
import type { Durations, Measured } from './measured';

const extension = __filename.endsWith('.ts') ? '.ts' : '.js';

/**
 * bareMercuriusRps / bareMercuriusP99Ms: Fastify + Mercurius + graphql-jit in its own process,
 * answering the same query with `answer` (one real answer of the server), the same load.
 */
export async function measureBareMercurius(
  answer: unknown,
  ids: readonly string[],
  { loadSeconds, loadWarmupSeconds }: Durations,
  execArgv: string[] = [],
): Promise<Measured> {
  progress('http', 'starting the bare Mercurius server');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const bare = await ChildServer.start({
    name: 'bare Mercurius server',
    entry: join(__dirname, '..', 'servers', `bare-mercurius-server${extension}`),
    execArgv,
    env: { PORT: String(port), BENCH_CASE_JSON: JSON.stringify(answer) },
    ready: async () => (await fetch(`${url}/health`)).status === 200,
  });
  try {
    const check = await graphqlOnce(`${url}/graphql`, CASE_QUERY, { id: ids[0] });
    if (
      JSON.stringify(check.body.data?.case) !==
      JSON.stringify({ ...(answer as object), id: ids[0] })
    )
      throw new Error(
        `the bare server answered differently: ${JSON.stringify(check.body).slice(0, 300)}`,
      );
    const result = await caseLoad({
      label: 'case(id) on the bare server',
      url,
      query: CASE_QUERY,
      ids,
      connections: CONNECTIONS,
      seconds: loadSeconds,
      warmupSeconds: loadWarmupSeconds,
    });
    return {
      figures: { bareMercuriusRps: result.rps, bareMercuriusP99Ms: result.p99Ms },
      notes: {
        bareMercuriusRequests: result.requests,
        bareMercuriusFailures: result.non2xx + result.errors + result.graphqlErrors,
      },
    };
  } finally {
    await bare.stop();
  }
}

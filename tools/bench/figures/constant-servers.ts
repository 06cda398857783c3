import { join } from 'node:path';
import { CASE_QUERY } from '../servers/case-query';
import { ChildServer, freePort } from '../support/child-server';
import { graphqlOnce } from '../support/http-load';
import type { SideBySideResult } from '../support/side-by-side';
import { progress } from '../support/progress';
import type { FigureKey } from '../report/catalogue';
import type { Measured } from './measured';

const extension = __filename.endsWith('.ts') ? '.ts' : '.js';

/** A server that answers `case(id)` from a constant, and the figures its load gives. */
export interface ConstantServer {
  name: string;
  /** file name under ../servers, without its extension */
  entry: string;
  rps: FigureKey;
  p99Ms: FigureKey;
  /** prefix of its notes (requests, failures) */
  notes: string;
}

/** Fastify + Mercurius + graphql-jit, nothing else: the ceiling of the HTTP and GraphQL layers. */
export const BARE_MERCURIUS: ConstantServer = {
  name: 'bare Mercurius server',
  entry: 'bare-mercurius-server',
  rps: 'bareMercuriusRps',
  p99Ms: 'bareMercuriusP99Ms',
  notes: 'bareMercurius',
};

/** The same with Nest, @nestjs/graphql and its Mercurius driver: the ceiling of the chosen stack. */
export const NEST_MERCURIUS: ConstantServer = {
  name: 'minimal Nest server',
  entry: 'nest-mercurius-server',
  rps: 'nestMercuriusRps',
  p99Ms: 'nestMercuriusP99Ms',
  notes: 'nestMercurius',
};

/**
 * `server` in its own process answering the same query with `answer` (one real answer of the
 * API server), checked to answer it; the caller loads it and stops it.
 */
export async function startConstantServer(
  server: ConstantServer,
  answer: unknown,
  ids: readonly string[],
  execArgv: string[] = [],
): Promise<{ child: ChildServer; url: string }> {
  progress('http', `starting the ${server.name}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await ChildServer.start({
    name: server.name,
    entry: join(__dirname, '..', 'servers', `${server.entry}${extension}`),
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
        `the ${server.name} answered differently: ${JSON.stringify(check.body).slice(0, 300)}`,
      );
    return { child, url };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** The figures of `server`'s share of the side-by-side load. */
export function constantServerFigures(server: ConstantServer, result: SideBySideResult): Measured {
  return {
    figures: { [server.rps]: result.rps, [server.p99Ms]: result.p99Ms },
    notes: {
      [`${server.notes}Requests`]: result.requests,
      [`${server.notes}Failures`]: result.non2xx + result.errors + result.graphqlErrors,
    },
  };
}

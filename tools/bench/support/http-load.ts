import autocannon from 'autocannon';
import { progress } from './progress';

export interface LoadResult {
  rps: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** 2xx answers whose body carries GraphQL errors */
  graphqlErrors: number;
}

export interface GraphQLLoad {
  url: string;
  token?: string;
  query: string;
  /** variables of the next request (called once per request) */
  variables: () => Record<string, unknown>;
  connections: number;
  seconds: number;
}

/** autocannon as a library, in this process: POSTs of one GraphQL query with varying variables. */
export async function graphqlLoad(load: GraphQLLoad): Promise<LoadResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(load.token ? { authorization: `Bearer ${load.token}` } : {}),
    },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ query: load.query, variables: load.variables() }),
        }),
        onResponse: (status, body) => {
          if (status < 300 && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    rps: result.requests.total / (result.duration || load.seconds),
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    graphqlErrors,
  };
}

/** One POST, parsed: for checking an answer before loading the server with it. */
export async function graphqlOnce(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: unknown[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** The same load twice: a warm-up, then the measured run, 16 connections cycling through `ids`. */
export async function caseLoad(options: {
  label: string;
  url: string;
  token?: string;
  query: string;
  ids: readonly string[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<LoadResult> {
  const { label, ids } = options;
  let i = 0;
  const load = (seconds: number) =>
    graphqlLoad({
      url: `${options.url}/graphql`,
      token: options.token,
      query: options.query,
      variables: () => ({ id: ids[i++ % ids.length] }),
      connections: options.connections,
      seconds,
    });
  progress('http', `${label}: warming up ${options.warmupSeconds} s`);
  await load(options.warmupSeconds);
  progress('http', `${label}: ${options.connections} connections for ${options.seconds} s`);
  const result = await load(options.seconds);
  if (result.non2xx || result.errors || result.graphqlErrors)
    progress(
      'http',
      `${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.graphqlErrors} GraphQL errors`,
    );
  return result;
}

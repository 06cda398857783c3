import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p99Ms: number;
  requests: number;
  /** how long the load ran */
  seconds: number;
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
  const seconds = result.duration || load.seconds;
  return {
    rps: result.requests.total / seconds,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    seconds,
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

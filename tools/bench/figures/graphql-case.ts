import { CASE_QUERY } from '../servers/case-query';
import type { ChildServer } from '../support/child-server';
import { caseLoad } from '../support/http-load';
import type { Durations, Measured } from './measured';

export const CONNECTIONS = 16;

/**
 * graphqlCaseRps / graphqlCaseP99Ms: `case(id)` over 1,000 ids against the real server with a JWT;
 * then the server's peak RSS, boot and load included.
 */
export async function measureGraphqlCase(
  server: ChildServer,
  url: string,
  token: string,
  ids: readonly string[],
  { loadSeconds, loadWarmupSeconds }: Durations,
): Promise<Measured> {
  const result = await caseLoad({
    label: 'case(id) on the API server',
    url,
    token,
    query: CASE_QUERY,
    ids,
    connections: CONNECTIONS,
    seconds: loadSeconds,
    warmupSeconds: loadWarmupSeconds,
  });
  const rss = server.peakRssMb();
  return {
    figures: {
      graphqlCaseRps: result.rps,
      graphqlCaseP99Ms: result.p99Ms,
      serverPeakRssMb: rss,
    },
    missing: rss === null ? { serverPeakRssMb: 'no /proc/<pid>/status on this OS' } : {},
    notes: {
      graphqlCaseRequests: result.requests,
      graphqlCaseFailures: result.non2xx + result.errors + result.graphqlErrors,
    },
  };
}

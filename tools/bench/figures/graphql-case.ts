import type { ChildServer } from '../support/child-server';
import type { SideBySideResult } from '../support/side-by-side';
import type { Measured } from './measured';

export const CONNECTIONS = 16;

/**
 * graphqlCaseRps / graphqlCaseP99Ms: `case(id)` over 1,000 ids against the real server with a JWT
 * (its share of the side-by-side load); then the server's peak RSS, boot and load included.
 */
export function graphqlCaseFigures(server: ChildServer, result: SideBySideResult): Measured {
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

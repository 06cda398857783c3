import autocannon from 'autocannon';
import type { Measured } from './measured';

/** Connections of heavy reads (one token) against which someone else's `case(id)` is timed. */
export const HEAVY_CONNECTIONS = 50;
const CHEAP_CONNECTIONS = 2;

const CASES_PAGE = `{ cases(first: 200) { totalCount edges { cursor node { id status regionCode
  categories riskLevel birthDate caseworkerId nextVisitDue revision guardian { kind name }
  child { idNumberMasked } programmes { programme from to monthlyAmount coverageShare fastTrack } } }
  pageInfo { hasNextPage endCursor } } }`;
const ROLL = `query Roll($region: String!, $month: String!) { paymentRoll(regionCode: $region, month: $month) {
  count total children lines(first: 200) { caseId regionCode programme amount reason }
  linesPageInfo { hasNextPage endCursor } } }`;
const CASE = `query Case($id: ID!) { case(id: $id) { id status regionCode riskLevel nextVisitDue revision } }`;

export interface FairReadsSetup {
  url: string;
  /** the heavy reader's token (civil affairs of the whole preset) */
  heavyToken: string;
  /** another principal's token, for the cheap reads */
  readerToken: string;
  ids: string[];
  region: string;
  /** months to ask rolls for (each computed once per checkpoint, then paged) */
  months: string[];
  seconds: number;
}

const body = (query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

/**
 * fairCaseP99Ms: while 50 connections of one civil-affairs token ask, in turn, payment rolls of the
 * whole preset (a different month each time, so most are computed afresh) and pages of 200 cases
 * with their programmes, two connections of another principal ask `case(id)`: its p99.
 */
export async function measureFairReads(setup: FairReadsSetup): Promise<Measured> {
  let month = 0;
  let id = 0;
  let heavyErrors = 0;
  const load = (token: string, connections: number, requests: autocannon.Request[]) =>
    autocannon({
      url: `${setup.url}/graphql`,
      connections,
      duration: setup.seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      requests,
    });
  const countError = (status: number, text: string) =>
    void ((status >= 300 || text.includes('"errors"')) && heavyErrors++);
  const heavy = load(setup.heavyToken, HEAVY_CONNECTIONS, [
    {
      setupRequest: (r) => ({
        ...r,
        body: body(ROLL, {
          region: setup.region,
          month: setup.months[month++ % setup.months.length],
        }),
      }),
      onResponse: countError,
    },
    { setupRequest: (r) => ({ ...r, body: body(CASES_PAGE, {}) }), onResponse: countError },
  ]);
  const cheap = load(setup.readerToken, CHEAP_CONNECTIONS, [
    {
      setupRequest: (r) => ({
        ...r,
        body: body(CASE, { id: setup.ids[id++ % setup.ids.length] }),
      }),
    },
  ]);
  const [h, c] = await Promise.all([heavy, cheap]);
  return {
    figures: {
      fairCaseP99Ms: c.latency.p99,
      fairHeavyRps: h.requests.total / (h.duration || setup.seconds),
    },
    notes: {
      fairReads: `${HEAVY_CONNECTIONS} heavy connections (rolls of ${setup.region} over ${setup.months.length} months and pages of 200 cases) and ${CHEAP_CONNECTIONS} connections of case(id) for ${setup.seconds} s`,
      fairCaseRequests: c.requests.total,
      fairCaseMedianMs: c.latency.p50,
      fairCaseFailures: c.non2xx + c.errors + c.timeouts,
      fairHeavyFailures: heavyErrors + h.errors + h.timeouts,
    },
  };
}

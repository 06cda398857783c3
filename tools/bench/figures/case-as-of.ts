import { median } from '../support/concurrent';
import { graphqlOnce } from '../support/http-load';
import type { Measured } from './measured';

const CASE_AS_OF_QUERY = `query CaseAsOf($id: ID!, $at: DateTime!) {
  caseAsOf(caseId: $id, at: $at) { id status revision programmes { programme from to } }
}`;

/**
 * caseAsOfMs: `caseAsOf(caseId, at: now)` of a case whose stream holds `events` events, one request
 * at a time on the otherwise idle server, over HTTP with an auditor's token: the median.
 */
export async function measureCaseAsOf(
  url: string,
  token: string,
  caseId: string,
  events: number,
  samples: number,
): Promise<Measured> {
  const at = new Date().toISOString();
  const ask = () => graphqlOnce(`${url}/graphql`, CASE_AS_OF_QUERY, { id: caseId, at }, token);
  const first = await ask();
  const answer = first.body.data?.caseAsOf as { revision?: number } | undefined;
  if (first.status !== 200 || answer?.revision !== events - 1)
    throw new Error(
      `caseAsOf answered ${first.status}: ${JSON.stringify(first.body).slice(0, 300)}`,
    );
  for (let i = 0; i < 4; i++) await ask();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await ask();
    times.push(performance.now() - started);
  }
  return {
    figures: { caseAsOfMs: median(times) },
    notes: {
      caseAsOfSamples: samples,
      caseAsOfWorstMs: Math.round(Math.max(...times) * 100) / 100,
    },
  };
}

import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { addDays, makeFictionalIdNumber } from '@app/domain';
import { startApiServer } from '../support/api-server';
import { BENCH_ENV } from '../support/bench-app';
import type { ChildServer } from '../support/child-server';
import { graphqlLoad, graphqlOnce, type LoadResult } from '../support/http-load';
import { progress } from '../support/progress';

const IDENTIFY = `mutation($input: IdentifyChildInput!) { identifyChild(input: $input) { caseId } }`;
const VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { position } }`;
const CONNECTIONS = 32;

export interface ScalingRun {
  one: LoadResult;
  two: LoadResult;
}

/**
 * recordVisit over HTTP against api processes sharing one PostgreSQL event store
 * (PROJECTIONS=external, no projector: the command path alone). Each api identifies half of
 * `cases` and then takes the visits of its half (a load balancer that routes a case to the api
 * that wrote it last: no api decides on a fold the other made stale). 32 connections on one api,
 * then 16 on each of two, after a warm-up of both; both run throughout.
 */
export async function measureApiScaling(
  dir: string,
  url: string,
  asOf: string,
  load: { cases: number; seconds: number; warmupSeconds: number },
): Promise<ScalingRun> {
  const env = {
    EVENT_STORE: 'postgres',
    READ_MODEL_STORE: 'postgres',
    DATABASE_URL: url,
    PROJECTIONS: 'external',
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000000',
  };
  const servers: ChildServer[] = [];
  try {
    const apis = await Promise.all(
      [0, 1].map(async (i) => {
        const started = await startApiServer(join(dir, `api-${i}`), [], env);
        servers.push(started.server);
        return `${started.url}/graphql`;
      }),
    );
    const token = jwt.sign(
      { sub: 'bench-admin', role: 'ADMIN', regions: ['*'] },
      BENCH_ENV.AUTH_JWT_SECRET,
      {
        algorithm: 'HS256',
        expiresIn: 3600,
      },
    );
    const halves = await Promise.all(
      apis.map((api, i) => identify(api, token, i * load.cases, load.cases / 2)),
    );
    progress(
      'postgres',
      `${load.cases} cases identified; recordVisit for ${load.seconds} s a layout`,
    );
    const visitedAt = `${asOf}T14:00:00+08:00`;
    const visits = (half: string[]) => () => ({
      input: { caseId: half[Math.floor(Math.random() * half.length)], visitedAt },
    });
    for (const [i, api] of apis.entries()) {
      const check = await graphqlOnce(api, VISIT, visits(halves[i])(), token);
      if (check.status !== 200 || check.body.errors)
        throw new Error(`recordVisit on api ${i}: ${JSON.stringify(check.body)}`);
    }
    const run = (i: number, connections: number, seconds = load.seconds) =>
      graphqlLoad({
        url: apis[i],
        token,
        query: VISIT,
        variables: visits(halves[i]),
        connections,
        seconds,
      });
    await Promise.all([0, 1].map((i) => run(i, CONNECTIONS / 2, load.warmupSeconds)));
    const one = await run(0, CONNECTIONS);
    const [a, b] = await Promise.all([0, 1].map((i) => run(i, CONNECTIONS / 2)));
    return { one, two: combined(a, b) };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** `count` children identified through `api`, numbered from `from`: their case ids. */
async function identify(
  api: string,
  token: string,
  from: number,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  let next = from;
  await Promise.all(
    Array.from({ length: CONNECTIONS / 2 }, async () => {
      while (next < from + count) {
        const n = next++;
        const input = {
          idNumber: makeFictionalIdNumber(
            '370303',
            addDays('2012-03-04', Math.floor(n / 1000)),
            n % 1000,
          ),
          name: '压测',
          regionCode: '370303101001',
          source: 'VISIT',
          identifiedAt: '2026-01-10T09:00:00+08:00',
        };
        const answer = await graphqlOnce(api, IDENTIFY, { input }, token);
        const caseId = (answer.body.data?.identifyChild as { caseId?: string } | undefined)?.caseId;
        if (!caseId) throw new Error(`identifyChild: ${JSON.stringify(answer.body.errors)}`);
        ids.push(caseId);
      }
    }),
  );
  return ids;
}

/** Two loads that ran at the same time, as one. */
function combined(a: LoadResult, b: LoadResult): LoadResult {
  const seconds = Math.max(a.seconds, b.seconds);
  return {
    rps: (a.requests + b.requests) / seconds,
    p99Ms: Math.max(a.p99Ms, b.p99Ms),
    requests: a.requests + b.requests,
    seconds,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    graphqlErrors: a.graphqlErrors + b.graphqlErrors,
  };
}

import autocannon from 'autocannon';
import { makeFictionalIdNumber } from '@app/domain';
import { MUTATIONS } from './support/cases-api';
import { ServerProcess } from './support/server-process';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CASES = 100;

async function metric(server: ServerProcess, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

/** Mixed reads and writes from 50 connections against the real process, loopback only, bounded in time. */
describe(`load: 50 connections for ${SECONDS} s`, () => {
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    server?.removeData();
  });

  it(
    'answers without a 5xx, loses no acknowledged write, and gives its memory back',
    async () => {
      server = await ServerProcess.start({
        inspect: true,
        env: { RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' },
      });
      const token = server.token('ADMIN');
      const caseIds: string[] = [];
      for (let i = 0; i < CASES; i++) {
        const input = {
          idNumber: makeFictionalIdNumber('330102', '2012-09-09', i),
          name: '负载',
          regionCode: '330102001001',
          source: 'VISIT',
          identifiedAt: '2025-01-01T09:00:00+08:00',
        };
        const answer = await server.gql<{ identifyChild: { caseId: string } }>(
          MUTATIONS.identifyChild,
          { input },
          token,
        );
        caseIds.push(answer.data!.identifyChild.caseId);
      }
      await server.collectGarbage();
      const heapBefore = await metric(server, 'nodejs_heap_size_used_bytes');

      const acked = new Map<string, number>();
      let visits = 0;
      const started = Date.parse('2025-01-02T00:00:00+08:00');
      const result = await autocannon({
        url: `${server.url}/graphql`,
        connections: 50,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [
          {
            setupRequest: (request, context) => {
              const caseId = caseIds[Math.floor(Math.random() * CASES)];
              const write = Math.random() < 0.3;
              (context as { pending?: string | null }).pending = write ? caseId : null;
              const body = write
                ? {
                    query: MUTATIONS.recordVisit,
                    variables: {
                      input: {
                        caseId,
                        visitedAt: new Date(started + ++visits * 1000).toISOString(),
                      },
                    },
                  }
                : { query: '{ cases(first: 20) { totalCount edges { node { id status } } } }' };
              return { ...request, body: JSON.stringify(body) };
            },
            onResponse: (status, body, context) => {
              const caseId = (context as { pending?: string | null }).pending;
              if (caseId && status === 200 && !(JSON.parse(body) as { errors?: unknown }).errors) {
                acked.set(caseId, (acked.get(caseId) ?? 0) + 1);
              }
            },
          },
        ],
      });

      const serverErrors = Object.keys(result.statusCodeStats ?? {}).filter(
        (code) => Number(code) >= 500,
      );
      expect(serverErrors).toEqual([]);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.requests.total).toBeGreaterThan(SECONDS * 50);

      // every acknowledged visit is in its case's history; beyond them only the writes still in
      // flight when the run ended (their answers were never read), at most one per connection
      let unacknowledged = 0;
      for (const caseId of caseIds) {
        const history = await server.gql<{ caseHistory: { type: string }[] }>(
          'query($id: ID!) { caseHistory(caseId: $id) { type } }',
          { id: caseId },
          token,
        );
        const recorded = history.data!.caseHistory.filter((e) => e.type === 'VisitRecorded').length;
        expect(recorded).toBeGreaterThanOrEqual(acked.get(caseId) ?? 0);
        unacknowledged += recorded - (acked.get(caseId) ?? 0);
      }
      expect(unacknowledged).toBeLessThanOrEqual(50);
      // after a full collection the heap is back near where it started: nothing piled up
      await server.collectGarbage();
      const heapAfter = await metric(server, 'nodejs_heap_size_used_bytes');
      expect(heapAfter).toBeLessThan(heapBefore * 1.25 + 16 * 1024 * 1024);
    },
    (SECONDS + 60) * 1000,
  );
});

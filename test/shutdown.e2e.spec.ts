import { makeFictionalIdNumber } from '@app/domain';
import { MUTATIONS } from './support/cases-api';
import { ServerProcess } from './support/server-process';

describe('graceful shutdown on SIGTERM', () => {
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    server?.removeData();
  });

  it('finishes the commands in flight, refuses new connections, exits 0 in time, and loses nothing', async () => {
    server = await ServerProcess.start({ env: { SHUTDOWN_TIMEOUT_MS: '10000' } });
    const token = server.token('ADMIN');
    const identify = (seq: number) =>
      server.gql<{ identifyChild: { caseId: string } }>(
        MUTATIONS.identifyChild,
        {
          input: {
            idNumber: makeFictionalIdNumber('330102', '2013-06-06', seq),
            name: '关停',
            regionCode: '330102001001',
            source: 'VISIT',
            identifiedAt: '2026-01-01T10:00:00+08:00',
          },
        },
        token,
      );
    await identify(0); // warm up: the first request compiles and opens everything
    const started = Date.now();
    // SIGTERM as the first answer comes back: the others are then accepted and being worked on
    let signalled = false;
    const inFlight = Array.from({ length: 16 }, (_, i) =>
      identify(i + 1).finally(() => {
        if (!signalled) server.kill('SIGTERM');
        signalled = true;
      }),
    );
    const answers = await Promise.allSettled(inFlight);
    const exit = await server.exit();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);

    // every request that got an answer got a whole one; none half-done
    const acknowledged = answers.flatMap((a) =>
      a.status === 'fulfilled' && a.value.data?.identifyChild
        ? [a.value.data.identifyChild.caseId]
        : [],
    );
    for (const a of answers) if (a.status === 'fulfilled') expect(a.value.errors).toBeUndefined();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();

    server = await ServerProcess.start({ dataDir: server.dataDir });
    for (const caseId of acknowledged) {
      const view = await server.gql<{ case: { id: string } }>(
        'query($id: ID!) { case(id: $id) { id } }',
        { id: caseId },
        token,
      );
      expect(view.data?.case.id).toBe(caseId);
    }
    // the projector stored its checkpoint on the way down: nothing to catch up but what it missed
    const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    expect(server.logs).not.toMatch(/"level":50/);
  }, 60_000);
});

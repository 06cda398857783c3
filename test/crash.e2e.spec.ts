import { DEFAULT_POLICY } from '@app/domain';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { makeFictionalIdNumber } from '@app/domain';
import { loadConfig } from '@app/runtime/config/app-config';
import { createEventStore } from '@app/runtime/event-store/event-store.module';
import { SqliteReadModelStore, rebuildReadModels } from '@app/read-models';
import { MUTATIONS } from './support/cases-api';
import { SERVER_SECRET, ServerProcess } from './support/server-process';

interface Ack {
  caseId: string;
  position: string;
}

describe('the app SIGKILLed while 16 clients write', () => {
  let server: ServerProcess;
  const acked: Ack[] = [];

  afterAll(async () => {
    await server?.stop();
    server?.removeData();
  });

  it('keeps every acknowledged write, and its projections converge to what a rebuild gives', async () => {
    server = await ServerProcess.start();
    const token = server.token('ADMIN');
    let killed = false;
    const writer = async (w: number) => {
      for (let seq = 0; !killed && seq < 1000; seq++) {
        const input = {
          idNumber: makeFictionalIdNumber(
            '330102',
            `2012-01-${String((w % 28) + 1).padStart(2, '0')}`,
            seq,
          ),
          name: '崩溃测试',
          regionCode: '330102001001',
          source: 'VISIT',
          identifiedAt: '2026-01-01T10:00:00+08:00',
        };
        try {
          const answer = await server.gql<{ identifyChild: Ack }>(
            MUTATIONS.identifyChild,
            { input },
            token,
          );
          if (answer.data?.identifyChild) acked.push(answer.data.identifyChild);
          if (acked.length >= 200 && !killed) {
            killed = true;
            server.kill('SIGKILL');
          }
        } catch {
          return; // the connection died with the server: not acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, w) => writer(w + 100)));
    expect((await server.exit()).signal).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(200);

    server = await ServerProcess.start({ dataDir: server.dataDir });
    const last = acked.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b)).position;
    for (const { caseId } of acked) {
      const view = await server.gql<{ case: { id: string } }>(
        'query($id: ID!, $p: String) { case(id: $id, consistentWith: $p) { id } }',
        { id: caseId, p: last },
        token,
      );
      expect(view.errors).toBeUndefined();
      expect(view.data?.case.id).toBe(caseId);
    }
    // let the projector reach the head (the log may hold writes whose answers the crash swallowed)
    const health = (await (await fetch(`${server.url}/health`)).json()) as {
      eventStore: { headPosition: string };
    };
    const caughtUp = await server.gql(
      'query($p: String) { cases(first: 1, consistentWith: $p) { totalCount } }',
      { p: health.eventStore.headPosition },
      token,
    );
    expect(caughtUp.errors).toBeUndefined();
    await server.stop();

    // the read models the projector built incrementally, across the crash, equal a rebuild
    // the log as the server reads it: personal fields opened with the key in its DATA_DIR
    const events = createEventStore(
      loadConfig({ DATA_DIR: server.dataDir, AUTH_JWT_SECRET: SERVER_SECRET }),
    );
    const live = new SqliteReadModelStore({ filename: join(server.dataDir, 'read-models.sqlite') });
    const scratch = mkdtempSync(join(tmpdir(), 'rebuild-'));
    const rebuilt = new SqliteReadModelStore({ filename: join(scratch, 'read-models.sqlite') });
    try {
      const result = await rebuildReadModels(events, rebuilt, { policy: DEFAULT_POLICY });
      expect(result.failure).toBeNull();
      expect(await live.dump()).toEqual(await rebuilt.dump());
    } finally {
      await Promise.all([events.close(), live.close(), rebuilt.close()]);
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 90_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import type { Principal } from '@app/runtime/auth/principal';
import { LogHead } from '@app/runtime/event-store/log-head';
import { ConcurrencyConflict } from '@app/runtime/errors/app-errors';
import { CommandPath, type CommandEnvelope } from './command-path';

type Counted = { type: 'Counted'; data: { by: number } };
type Count = { by: number; atMost: number };
const counter = {
  initialState: () => 0,
  evolve: (total: number, event: Counted) => total + event.data.by,
  decide: (command: Count, total: number): Counted[] => {
    if (total + command.by > command.atMost) throw new Error('over the limit');
    return [{ type: 'Counted', data: { by: command.by } }];
  },
};
type AtLeast = { atLeast: number };
/** raises the total to at least n; nothing to do when it is there already */
const floor = {
  initialState: () => 0,
  evolve: counter.evolve,
  decide: (command: AtLeast, total: number): Counted[] =>
    total >= command.atLeast ? [] : [{ type: 'Counted', data: { by: command.atLeast - total } }],
};
const principal: Principal = { id: 'u', role: 'ADMIN', regions: [''] };
const envelope: CommandEnvelope = {
  principal,
  correlationId: 'c',
  occurredAt: '2026-01-01T00:00:00Z',
};

describe('the command path with two writers on one store (two api instances)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'path-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
  const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
  const a = new CommandPath(store, clock, new LogHead(store));
  const b = new CommandPath(store, clock, new LogHead(store));
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides on what the other writer appended since its own last fold', async () => {
    await a.run('counter-1', counter, { by: 1, atMost: 10 }, envelope);
    await b.run('counter-1', counter, { by: 5, atMost: 10 }, envelope);
    // a folded 1 before; without reading b's 5 it would accept 5 more (11 > 10)
    await expect(a.run('counter-1', counter, { by: 5, atMost: 10 }, envelope)).rejects.toThrow(
      'over the limit',
    );
    const outcome = await a.run('counter-1', counter, { by: 4, atMost: 10 }, envelope);
    expect(outcome.state).toBe(10);
    expect(outcome.revision).toBe(2n);
    expect((await b.load('counter-1', counter)).state).toBe(10);
  });

  it('mints time-ordered event ids and keeps the hash chain across cached folds', async () => {
    const events = [];
    for await (const event of store.readStream('counter-1')) events.push(event);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort());
    for (let i = 1; i < events.length; i++) {
      expect(events[i].metadata.previousHash).toBe(events[i - 1].metadata.hash);
    }
  });

  it('appends on a fold that fell behind only after reading what the other writer appended', async () => {
    await a.run('counter-2', counter, { by: 1, atMost: 10 }, envelope);
    await b.run('counter-2', counter, { by: 5, atMost: 10 }, envelope);
    // a's fold says 1: its first try is refused for its expected revision, then it reads the 5
    const outcome = await a.run('counter-2', floor, { atLeast: 3 }, envelope);
    expect(outcome).toMatchObject({ state: 6, revision: 1n, eventIds: [] });
    const raised = await a.run('counter-2', floor, { atLeast: 8 }, envelope);
    expect(raised).toMatchObject({ state: 8, revision: 2n });
  });

  it('answers "nothing to do" only on a state it has just read', async () => {
    await a.run('counter-3', counter, { by: 6, atMost: 10 }, envelope);
    await b.run('counter-3', counter, { by: -5, atMost: 10 }, envelope);
    // a's fold says 6 >= 3, a no-op; the stream says 1, so 2 are added
    const outcome = await a.run('counter-3', floor, { atLeast: 3 }, envelope);
    expect(outcome).toMatchObject({ state: 3, revision: 2n });
    expect(outcome.eventIds).toHaveLength(1);
  });

  it('does not read a stream again after its own append to it', async () => {
    const reads: string[] = [];
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'readStream')
          return (stream: string, options?: object) => {
            reads.push(stream);
            return target.readStream(stream, options as never);
          };
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const path = new CommandPath(counting, clock, new LogHead(counting));
    await path.run('counter-4', counter, { by: 1, atMost: 10 }, envelope);
    expect(reads).toEqual(['counter-4']); // the first command reads (there is no fold yet)
    await path.run('counter-4', counter, { by: 1, atMost: 10 }, envelope);
    await path.run('counter-4', counter, { by: 1, atMost: 10 }, envelope);
    expect(reads).toEqual(['counter-4']);
    expect((await path.load('counter-4', counter)).state).toBe(3);
  });

  it('keeps no fold of a stream written with keepFold: false, and still decides right', async () => {
    const reads: string[] = [];
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'readStream')
          return (stream: string, options?: object) => {
            reads.push(stream);
            return target.readStream(stream, options as never);
          };
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const path = new CommandPath(counting, clock, new LogHead(counting));
    const bulk = { ...envelope, keepFold: false };
    await path.run('counter-6', counter, { by: 1, atMost: 2 }, bulk);
    await path.run('counter-6', counter, { by: 1, atMost: 2 }, bulk);
    // each command read the stream: nothing was kept between them
    expect(reads).toEqual(['counter-6', 'counter-6']);
    await expect(path.run('counter-6', counter, { by: 1, atMost: 2 }, bulk)).rejects.toThrow(
      'over the limit',
    );
    // a fold kept before a bulk write is behind it: the next command reads what it missed
    await path.run('counter-7', counter, { by: 1, atMost: 3 }, envelope);
    await path.run('counter-7', counter, { by: 1, atMost: 3 }, bulk);
    await expect(path.run('counter-7', counter, { by: 2, atMost: 3 }, envelope)).rejects.toThrow(
      'over the limit',
    );
    expect((await path.run('counter-7', counter, { by: 1, atMost: 3 }, envelope)).state).toBe(3);
  });

  it('of two writers appending the same fixed ids at once, only the one whose events landed succeeds', async () => {
    // an agency request sent twice with one Idempotency-Key, to two api instances
    const ids = ['0b000000-0000-4000-8000-000000000001'];
    const twice = await Promise.allSettled(
      [a, b].map((path, i) =>
        path.run(
          'counter-5',
          counter,
          { by: 1, atMost: 10 },
          {
            ...envelope,
            correlationId: `twin-${i}`,
            eventIds: ids,
          },
        ),
      ),
    );
    expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = twice.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConcurrencyConflict);
    const stored = [];
    for await (const event of store.readStream('counter-5')) stored.push(event);
    expect(stored.map((e) => e.id)).toEqual(ids);
  });
});

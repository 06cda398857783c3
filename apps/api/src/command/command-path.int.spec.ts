import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import type { Principal } from '../auth/principal';
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
  const a = new CommandPath(store, clock);
  const b = new CommandPath(store, clock);
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
});

import { randomUUID } from 'node:crypto';
import { InMemoryEventLog, type ProposedEvent } from './in-memory-log';

const proposed = (type = 'Happened'): ProposedEvent => ({
  id: randomUUID(),
  type,
  contentType: 'application/json',
  data: Buffer.from('{"n":1}'),
  customMetadata: Buffer.from('{}'),
});
const batch = (count: number) => Array.from({ length: count }, () => proposed());

describe('InMemoryEventLog (EventStoreDB append and read semantics)', () => {
  let log: InMemoryEventLog;
  beforeEach(() => {
    log = new InMemoryEventLog(() => new Date('2026-01-02T03:04:05.678Z'));
  });

  describe('expected revision', () => {
    it.each([
      ['no_stream', 'no_stream', 'written'],
      ['any', 'no_stream', 'written'],
      ['stream_exists', 'no_stream', 'wrong_expected_version'],
      [0n, 'no_stream', 'wrong_expected_version'],
      ['no_stream', 1n, 'wrong_expected_version'],
      ['any', 1n, 'written'],
      ['stream_exists', 1n, 'written'],
      [1n, 1n, 'written'],
      [0n, 1n, 'wrong_expected_version'],
      [5n, 1n, 'wrong_expected_version'],
    ] as const)('expecting %p when the stream is at %p: %s', (expected, current, outcome) => {
      if (current !== 'no_stream') log.append('s', 'any', batch(Number(current) + 1));
      const result = log.append('s', expected, batch(1));
      expect(result.kind).toBe(outcome);
      if (result.kind === 'wrong_expected_version') expect(result.current).toBe(current);
    });
  });

  describe('idempotency', () => {
    it('the same ids again at the same place return the first answer and write nothing', () => {
      log.append('s', 'any', batch(1));
      const events = batch(2);
      const first = log.append('s', 0n, events);
      log.append('s', 2n, batch(1));

      for (const expected of [0n, 'any', 'stream_exists'] as const) {
        expect(log.append('s', expected, events)).toEqual({ ...first, kind: 'idempotent' });
      }
      expect(log.readStream('s', 'start', 'forwards', 100n)).toHaveLength(4);
    });

    it('exact expectations check the ids at their revisions; any/stream_exists look them up', () => {
      const [a, b] = batch(2);
      log.append('s', 'no_stream', [a, b]);
      expect(log.append('s', 'no_stream', [b]).kind).toBe('wrong_expected_version');
      expect(log.append('s', 0n, [b]).kind).toBe('idempotent');
      expect(log.append('s', 'any', [b]).kind).toBe('idempotent');
    });

    it('partly known ids are a conflict with the current revision', () => {
      const [a, b] = batch(2);
      log.append('s', 'no_stream', [a, b]);
      for (const expected of ['no_stream', 'any'] as const) {
        expect(log.append('s', expected, [a, proposed()])).toEqual({
          kind: 'wrong_expected_version',
          current: 1n,
        });
      }
    });

    it('ids are not unique across streams (an id from another stream is a new event)', () => {
      const [a] = batch(1);
      log.append('s', 'any', [a]);
      expect(log.append('t', 'any', [a]).kind).toBe('written');
    });
  });

  describe('$all positions', () => {
    it('grow with every event, with gaps (byte offsets), and the append reports the last', () => {
      const one = log.append('a', 'any', batch(3));
      const two = log.append('b', 'any', batch(1));
      const all = log.readAll('start', 'forwards', 100n);
      const positions = all.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
      expect(new Set(positions).size).toBe(4);
      expect(positions[1] - positions[0]).toBeGreaterThan(1n);
      expect(one.kind === 'written' && one.position).toBe(positions[2]);
      expect(two.kind === 'written' && two.position).toBe(log.head);
    });

    it('reads forwards from a position including it, backwards excluding it, at most maxCount', () => {
      log.append('a', 'any', batch(5));
      const all = log.readAll('start', 'forwards', 100n);
      const at = all[2].position;
      expect(log.readAll(at, 'forwards', 2n).map((e) => e.position)).toEqual([
        all[2].position,
        all[3].position,
      ]);
      expect(log.readAll(at, 'backwards', 100n).map((e) => e.position)).toEqual([
        all[1].position,
        all[0].position,
      ]);
      expect(log.readAll('end', 'backwards', 1n)[0].position).toBe(all[4].position);
      expect(log.after(at, 100).map((e) => e.position)).toEqual(
        all.slice(3).map((e) => e.position),
      );
    });

    it('stamps created as .NET ticks since the Unix epoch', () => {
      log.append('a', 'any', batch(1));
      const [event] = log.readAll('start', 'forwards', 1n);
      expect(event.created).toBe(BigInt(Date.parse('2026-01-02T03:04:05.678Z')) * 10_000n);
    });
  });

  describe('stream reads', () => {
    beforeEach(() => void log.append('s', 'any', batch(10)));

    it('reads forwards and backwards from a revision, inclusive', () => {
      const revisions = (from: 'start' | 'end' | bigint, dir: 'forwards' | 'backwards') =>
        log.readStream('s', from, dir, 3n)?.map((e) => e.revision);
      expect(revisions('start', 'forwards')).toEqual([0n, 1n, 2n]);
      expect(revisions(8n, 'forwards')).toEqual([8n, 9n]);
      expect(revisions(20n, 'forwards')).toEqual([]);
      expect(revisions('end', 'backwards')).toEqual([9n, 8n, 7n]);
      expect(revisions(1n, 'backwards')).toEqual([1n, 0n]);
    });

    it('knows no stream without events', () => {
      expect(log.readStream('missing', 'start', 'forwards', 10n)).toBeNull();
    });
  });

  it('wakes waiters on the next append', async () => {
    const woken = log.nextAppend();
    log.append('a', 'any', batch(1));
    await expect(woken).resolves.toBeUndefined();
  });
});

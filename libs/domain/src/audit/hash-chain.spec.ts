import { createHash } from 'node:crypto';
import type { BusinessMetadata } from '../shared/metadata';
import { canonicalJson, chainHash, verifyChain, type ChainedEvent } from './hash-chain';

const meta = (n: number): BusinessMetadata => ({
  actor: { id: 'director-1', role: 'CHILD_DIRECTOR' },
  occurredAt: `2026-03-0${n}T09:00:00+08:00`,
  recordedAt: `2026-03-0${n}T09:00:05+08:00`,
  correlationId: `corr-${n}`,
  causationId: null,
});

function chain(count: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let previous: string | undefined;
  for (let i = 0; i < count; i++) {
    const type = 'VisitRecorded';
    const data = { visitedAt: `2026-03-0${i + 1}T09:00:00+08:00`, notes: null };
    const hash = chainHash({ type, data, metadata: meta(i + 1), previousHash: previous });
    events.push({
      revision: BigInt(i),
      type,
      data,
      metadata: { ...meta(i + 1), hash, ...(previous ? { previousHash: previous } : {}) },
    });
    previous = hash;
  }
  return events;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('leaves out undefined members and keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });
});

describe('chain hash', () => {
  it('is SHA-256 hex over the canonical link', () => {
    const link = { type: 'T', data: { x: 1 }, metadata: meta(1) };
    const expected = createHash('sha256')
      .update(canonicalJson({ ...link, previousHash: null }))
      .digest('hex');
    expect(chainHash(link)).toBe(expected);
    expect(chainHash({ type: 'T', data: { x: 1 }, businessMetadata: meta(1) })).toBe(expected);
  });

  it('does not depend on key order', () => {
    const a = chainHash({ type: 'T', data: { x: 1, y: 2 }, metadata: meta(1) });
    const b = chainHash({ type: 'T', data: { y: 2, x: 1 }, metadata: meta(1) });
    expect(a).toBe(b);
  });

  it('changes with recordedAt, the actor and the previous hash', () => {
    const base = chainHash({ type: 'T', data: {}, metadata: meta(1) });
    expect(
      chainHash({ type: 'T', data: {}, metadata: { ...meta(1), recordedAt: meta(2).recordedAt } }),
    ).not.toBe(base);
    expect(
      chainHash({
        type: 'T',
        data: {},
        metadata: { ...meta(1), actor: { id: 'x', role: 'ADMIN' } },
      }),
    ).not.toBe(base);
    expect(chainHash({ type: 'T', data: {}, metadata: meta(1), previousHash: 'ab' })).not.toBe(
      base,
    );
  });
});

describe('verifying a chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(3))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it('names the first revision whose data was altered', () => {
    const events = chain(3);
    events[1] = { ...events[1], data: { visitedAt: '2026-03-09T09:00:00+08:00', notes: null } };
    expect(verifyChain(events)).toBe(1);
  });

  it('names a back-dated recordedAt', () => {
    const events = chain(3);
    events[2] = {
      ...events[2],
      metadata: { ...events[2].metadata, recordedAt: '2026-01-01T00:00:00Z' },
    };
    expect(verifyChain(events)).toBe(2);
  });

  it('names a removed event by the link that no longer fits', () => {
    const events = chain(3);
    expect(verifyChain([events[0], events[2]])).toBe(2);
  });

  it('names an event whose hash is missing', () => {
    const events = chain(2);
    const { hash: _hash, ...rest } = events[0].metadata;
    expect(verifyChain([{ ...events[0], metadata: rest }, events[1]])).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import type { BusinessMetadata } from '../shared/metadata';
import { storedForm } from '../personal/sealed-form';

/**
 * JSON with object keys sorted (by code unit), no whitespace. `undefined` object members are left
 * out (as JSON.stringify does), so `{ agency: undefined }` and `{}` hash alike. Refuses values
 * JSON cannot round-trip (NaN, Infinity, bigint, functions), so a hash never depends on them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}

/**
 * What one link of the chain covers. The business metadata includes `recordedAt` on purpose: the
 * audit asks both when a thing happened and when it was recorded (caseAsOf's `knownAt`), so a
 * back-dated `recordedAt` must break the chain like any other edit. It is the handler's timestamp,
 * taken before the append, not the store's own clock. `metadata` and `businessMetadata` are
 * synonyms (the latter as first specified); give exactly one.
 */
export type ChainLink = {
  type: string;
  data: unknown;
  previousHash?: string | null;
} & ({ metadata: BusinessMetadata } | { businessMetadata: BusinessMetadata });

/** SHA-256 (hex) over canonicalJson({ type, data, metadata, previousHash }). */
export function chainHash(link: ChainLink): string {
  const metadata = 'metadata' in link ? link.metadata : link.businessMetadata;
  const { actor, occurredAt, recordedAt, correlationId, causationId } = metadata;
  const covered = {
    type: link.type,
    // sealed personal information is covered as stored (its ciphertext), so erasure keeps the chain
    data: storedForm(link.data),
    metadata: { actor, occurredAt, recordedAt, correlationId, causationId },
    previousHash: link.previousHash ?? null,
  };
  return createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex');
}

export type ChainedEvent = {
  revision: number | bigint;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
};

/**
 * Walks a stream oldest first; returns the revision of the first event whose hash does not match
 * its content or whose previousHash does not match the event before it, or null if all hold.
 */
export function verifyChain(events: readonly ChainedEvent[]): number | null {
  let previous: string | null = null;
  for (const event of events) {
    const m = event.metadata as Partial<BusinessMetadata> & {
      hash?: unknown;
      previousHash?: unknown;
    };
    const claimedPrevious = m.previousHash ?? null;
    if (claimedPrevious !== previous || typeof m.hash !== 'string') return Number(event.revision);
    let expected: string;
    try {
      expected = chainHash({
        type: event.type,
        data: event.data,
        metadata: m as BusinessMetadata,
        previousHash: previous,
      });
    } catch {
      return Number(event.revision);
    }
    if (expected !== m.hash) return Number(event.revision);
    previous = m.hash;
  }
  return null;
}

import { createHash } from 'node:crypto';
import { AGENCY_KEY_STREAM_PREFIX, canonicalJson } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import type { GuardianshipActRequest } from '../parse-guardianship-act';

/** Fixed namespace of the agency API's name-based event ids (never change it: ids would move). */
const AGENCY_ACT_NAMESPACE = '9d3c6f0e-2b7a-4e21-8f5d-1c4b7a9e3d60';

export interface IdempotencyIds {
  /** id of the case event the request produces: the same for every replay of the key */
  eventId: string;
  /** the key's own stream: which case and which request the key was first used for */
  keyStream: string;
}

/**
 * Keys are per agency (two courts may both send "1"): the agency name from the token, or the
 * token's subject when it carries none. Stream names carry a hash only, never the key itself.
 */
export function idempotencyIdsOf(principal: Principal, key: string): IdempotencyIds {
  const name = `${principal.agency ?? principal.id}\n${key}`;
  return {
    eventId: nameBasedUuid(AGENCY_ACT_NAMESPACE, name),
    keyStream: `${AGENCY_KEY_STREAM_PREFIX}${sha256(name)}`,
  };
}

/** SHA-256 of the canonical request: equal for the same body whatever its key order or nulls. */
export function fingerprintOf(request: GuardianshipActRequest): string {
  return sha256(canonicalJson(request));
}

/** RFC 9562 version 5 (SHA-1, name-based) UUID. */
export function nameBasedUuid(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

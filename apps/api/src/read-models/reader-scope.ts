import type { Principal } from '@app/domain';
import type { RegionPrefixes } from '@app/read-models';

/** The reader's scope as region prefixes; null when it is everywhere. */
export function scopeOf(principal: Pick<Principal, 'regions'>): RegionPrefixes {
  return principal.regions.some((r) => r === '' || r === '*') ? null : principal.regions;
}

/** Chinese administrative division codes: 2 province, 4 city, 6 county, 9 township, 12 village. */

export const REGION_PREFIX_LENGTHS = [2, 4, 6, 9, 12] as const;

// "A case belongs to the village code where the child lives"
export function isVillageCode(code: unknown): code is string {
  return typeof code === 'string' && /^\d{12}$/.test(code);
}

// "2 digits province, 4 city, 6 county, 9 township, 12 village/community"
export function isRegionPrefix(prefix: unknown): prefix is string {
  return (
    typeof prefix === 'string' &&
    /^\d+$/.test(prefix) &&
    (REGION_PREFIX_LENGTHS as readonly number[]).includes(prefix.length)
  );
}

/** A scope entry: a region prefix, or `""` / `"*"` for everywhere. */
export function isScopePrefix(prefix: unknown): prefix is string {
  return prefix === '' || prefix === '*' || isRegionPrefix(prefix);
}

// "access scopes are code prefixes" ([""] or ["*"] is everywhere)
export function regionInScope(prefixes: readonly string[], code: string): boolean {
  return prefixes.some((p) => p === '' || p === '*' || code.startsWith(p));
}

/** The prefixes of a code from the province down, e.g. 330102001001 -> 33, 3301, 330102, ... */
export function regionAncestors(code: string): string[] {
  return REGION_PREFIX_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

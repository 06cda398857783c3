import { withValuesAt, type FieldPath } from './personal-fields';

/**
 * Where a stored event keeps its sealed personal information: the data as stored has `null` at
 * each of `paths`, and `box` holds their values encrypted under the case's data key (AES-256-GCM;
 * `key` names the key's generation). The hash chain covers the data as stored, box included, so it
 * still verifies once the key is destroyed.
 */
export const SEALED_FIELD = '$sealed';

export type SealedBox = { v: 1; key: number; paths: string[][]; box: string };

/**
 * Set (never serialised: a symbol key) on data whose sealed values were put back after reading.
 * Such data is hashed with those values null again; data without it is hashed as it is, so a value
 * written into a sealed path of a stored row is an edit the chain catches.
 */
export const OPENED = Symbol('personal information opened');

export function sealedBoxOf(data: unknown): SealedBox | null {
  if (data === null || typeof data !== 'object') return null;
  const box = (data as Record<string, unknown>)[SEALED_FIELD] as SealedBox | undefined;
  return box && typeof box === 'object' && Array.isArray(box.paths) ? box : null;
}

/** The data as the store holds it: what a hash is computed over. */
export function storedForm(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || !(OPENED in data)) return data;
  const box = sealedBoxOf(data);
  if (!box) return data;
  return withValuesAt(
    data,
    box.paths as FieldPath[],
    box.paths.map(() => null),
  );
}

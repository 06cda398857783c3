import { idNumberProblem, normalizeIdNumber } from '../identity/id-number';
import { isVillageCode, regionInScope } from '../region/region-code';
import { TEXT_LIMITS } from '../shared/limits';
import type { BusinessDate } from '../shared/types';

/** The header every roster file starts with (after an optional UTF-8 BOM). */
export const ROSTER_HEADER = ['id_number', 'name', 'region_code'] as const;

export type RosterRow = { idNumber: string; name: string; regionCode: string };

/** A row refused: its line in the file (the header is line 1) and the columns at fault. */
export type InvalidRow = { line: number; fields: string[] };

/** Does the header match `id_number,name,region_code` (names trimmed, any case)? */
export function isRosterHeader(fields: readonly string[]): boolean {
  return (
    fields.length === ROSTER_HEADER.length &&
    fields.every((f, i) => f.trim().toLowerCase() === ROSTER_HEADER[i])
  );
}

/**
 * One row, checked alone: the ID number's shape and check digit, a name, a 12-digit village
 * inside the importer's regions. The columns at fault are named, never their values.
 */
export function checkRosterRow(
  fields: readonly string[],
  today: BusinessDate,
  regions: readonly string[],
): { row: RosterRow } | { fields: string[] } {
  const bad: string[] = [];
  const idNumber = normalizeIdNumber(fields[0] ?? '');
  const name = (fields[1] ?? '').trim();
  const regionCode = (fields[2] ?? '').trim();
  if (fields.length !== ROSTER_HEADER.length) bad.push(...ROSTER_HEADER.slice(fields.length));
  if (idNumberProblem(idNumber, today) !== null) bad.push('id_number');
  if (name.length === 0 || name.length > TEXT_LIMITS.childName) bad.push('name');
  if (!isVillageCode(regionCode) || !regionInScope(regions, regionCode)) bad.push('region_code');
  if (fields.length > ROSTER_HEADER.length) bad.push('columns');
  if (bad.length > 0) return { fields: [...new Set(bad)] };
  return { row: { idNumber, name, regionCode } };
}

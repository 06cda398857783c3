import {
  businessDateOf,
  isOneOf,
  isRegionPrefix,
  isValidDate,
  MESSAGES,
  ROSTER_KINDS,
  type RosterKind,
} from '@app/domain';
import { BadUserInput, type FieldError } from '@app/runtime/errors/app-errors';
import type { RosterImportRequest } from './roster-import.service';

/** The query of POST /monitoring/v1/rosters (and the CLI's options), every bad field named. */
export function parseRosterQuery(query: Record<string, unknown>, now: Date): RosterImportRequest {
  const { kind, asOf, complete, regionCode } = query;
  const bad: FieldError[] = [];
  if (!isOneOf(ROSTER_KINDS, kind))
    bad.push({ field: 'kind', message: MESSAGES.oneOf(ROSTER_KINDS) });
  if (!isValidDate(asOf)) bad.push({ field: 'asOf', message: MESSAGES.date });
  else if (asOf > businessDateOf(now.toISOString()))
    bad.push({ field: 'asOf', message: 'must not be in the future' });
  if (complete !== undefined && complete !== 'true' && complete !== 'false' && complete !== true)
    bad.push({ field: 'complete', message: 'must be true or false' });
  if (regionCode !== undefined && !isRegionPrefix(regionCode))
    bad.push({ field: 'regionCode', message: MESSAGES.regionPrefix });
  if (bad.length > 0) throw new BadUserInput(bad);
  return {
    kind: kind as RosterKind,
    asOf: asOf as string,
    complete: complete === 'true' || complete === true,
    ...(regionCode !== undefined ? { regionCode: regionCode as string } : {}),
  };
}

import { isRegionPrefix, isValidMonth, MESSAGES } from '@app/domain';
import { BadUserInput, type FieldError } from '@app/runtime/errors/app-errors';

/** The query of every roll export: `regionCode`, `month`, optional `consistentWith`. */
export type RollExportQuery = { regionCode: string; month: string; consistentWith?: string };

/** Checks an export's query string, naming every bad field (BAD_USER_INPUT, HTTP 400). */
export function rollExportQuery(query: Record<string, unknown>): RollExportQuery {
  const { regionCode, month, consistentWith } = query;
  const bad: FieldError[] = [];
  if (!isRegionPrefix(regionCode))
    bad.push({ field: 'regionCode', message: MESSAGES.regionPrefix });
  if (!isValidMonth(month)) bad.push({ field: 'month', message: MESSAGES.month });
  if (consistentWith !== undefined && typeof consistentWith !== 'string')
    bad.push({ field: 'consistentWith', message: MESSAGES.position });
  if (bad.length > 0) throw new BadUserInput(bad);
  return {
    regionCode: regionCode as string,
    month: month as string,
    ...(consistentWith === undefined ? {} : { consistentWith: consistentWith as string }),
  };
}

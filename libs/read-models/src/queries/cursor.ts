import { MESSAGES } from '@app/domain';
import type { CaseOrder, CaseSortKey } from '../read-model-store.port';

export class InvalidCursor extends Error {
  override readonly name = 'InvalidCursor';
  constructor() {
    super(MESSAGES.cursor);
  }
}

const VERSION = 'c1';
const ORDERED = 'c2';

/**
 * Opaque to clients: the sort key of a row, versioned, base64url. The default order's cursor is
 * `[c1, regionCode, caseId]` as before; another order's names it, so a cursor is refused by a list
 * in another order.
 */
export function encodeCursor(key: CaseSortKey, order: CaseOrder | null = null): string {
  const parts =
    order === null ? [VERSION, key.value, key.caseId] : [ORDERED, order, key.value, key.caseId];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, order: CaseOrder | null = null): CaseSortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  const expected = order === null ? [VERSION] : [ORDERED, order];
  if (
    !Array.isArray(parsed) ||
    parsed.length !== expected.length + 2 ||
    expected.some((part, i) => parsed[i] !== part) ||
    !parsed.slice(expected.length).every((part) => typeof part === 'string')
  )
    throw new InvalidCursor();
  const [value, caseId] = parsed.slice(expected.length) as string[];
  return { value, caseId };
}

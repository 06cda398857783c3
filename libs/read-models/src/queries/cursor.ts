import { MESSAGES } from '@app/domain';
import type { CaseSortKey } from '../read-model-store.port';

export class InvalidCursor extends Error {
  override readonly name = 'InvalidCursor';
  constructor() {
    super(MESSAGES.cursor);
  }
}

const VERSION = 'c1';

/** Opaque to clients: the (regionCode, caseId) sort key of a row, versioned, base64url. */
export function encodeCursor(key: CaseSortKey): string {
  return Buffer.from(JSON.stringify([VERSION, key.regionCode, key.caseId])).toString('base64url');
}

export function decodeCursor(cursor: string): CaseSortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== VERSION ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string'
  )
    throw new InvalidCursor();
  return { regionCode: parsed[1], caseId: parsed[2] };
}

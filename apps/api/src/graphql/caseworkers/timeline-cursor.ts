/** Where an entry stands in a timeline: its business time (epoch ms), then its revision. */
export type TimelineKey = { ms: number; revision: number };

const VERSION = 't1';

/** Opaque to clients, base64url. */
export function timelineCursor(key: TimelineKey): string {
  return Buffer.from(JSON.stringify([VERSION, key.ms, key.revision])).toString('base64url');
}

/** The key of a cursor; null when it is not one. */
export function timelineKeyOf(cursor: string): TimelineKey | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed[0] === VERSION &&
      Number.isSafeInteger(parsed[1]) &&
      Number.isSafeInteger(parsed[2])
    )
      return { ms: parsed[1] as number, revision: parsed[2] as number };
  } catch {
    // not JSON: not a cursor
  }
  return null;
}

import { MESSAGES } from '@app/domain';
import type { RollLine } from '@app/domain';

/** A page of a roll's lines, with where the next one starts. */
export interface RollPage {
  lines: RollLine[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export class InvalidRollCursor extends Error {
  override readonly name = 'InvalidRollCursor';
  constructor() {
    super(MESSAGES.cursor);
  }
}

const VERSION = 'l1';

/** Opaque to clients: the line's case and its place among that case's lines. */
export function rollCursor(caseId: string, seq: number): string {
  return Buffer.from(JSON.stringify([VERSION, caseId, seq])).toString('base64url');
}

function decode(cursor: string): { caseId: string; seq: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidRollCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== VERSION ||
    typeof parsed[1] !== 'string' ||
    !Number.isSafeInteger(parsed[2])
  )
    throw new InvalidRollCursor();
  return { caseId: parsed[1], seq: parsed[2] as number };
}

/** The lines with their keys (case, place in the case), by case, then in the roll's line order. */
export function keyedLines(lines: readonly RollLine[]): { line: RollLine; seq: number }[] {
  let previous = '';
  let seq = 0;
  const byCase = [...lines].sort((a, b) =>
    a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0,
  );
  return byCase.map((line) => {
    seq = line.caseId === previous ? seq + 1 : 0;
    previous = line.caseId;
    return { line, seq };
  });
}

const after = (a: { caseId: string; seq: number }, b: { caseId: string; seq: number }) =>
  a.caseId > b.caseId || (a.caseId === b.caseId && a.seq > b.seq);

/**
 * `first` lines after the cursor. The cursor names a line by its key, not an offset, so a roll
 * that changed between two pages (the projections moved on) neither repeats nor skips a case.
 */
export function rollPage(
  keyed: readonly { line: RollLine; seq: number }[],
  first: number,
  cursor?: string | null,
): RollPage {
  let start = 0;
  if (cursor) {
    const from = decode(cursor);
    let low = 0;
    let high = keyed.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const { line, seq } = keyed[mid];
      if (after({ caseId: line.caseId, seq }, from)) high = mid;
      else low = mid + 1;
    }
    start = low;
  }
  const page = keyed.slice(start, start + first);
  const cursorOf = (k: { line: RollLine; seq: number }) => rollCursor(k.line.caseId, k.seq);
  return {
    lines: page.map((k) => k.line),
    hasNextPage: start + first < keyed.length,
    hasPreviousPage: start > 0,
    startCursor: page.length > 0 ? cursorOf(page[0]) : null,
    endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null,
  };
}

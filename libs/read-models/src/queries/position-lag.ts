import { comparePositions, type Position } from '@app/event-store';

const NUMERIC = /^\d+$/;

/**
 * Events between the checkpoint and the head. Exact for gap-free numeric positions (SQLite);
 * elsewhere 0 when caught up and null when behind by an unknown amount.
 */
export function positionLag(head: Position | null, checkpoint: Position | null): number | null {
  if (head === null) return 0;
  if (checkpoint === null) return NUMERIC.test(head) ? Number(head) : null;
  if (comparePositions(checkpoint, head) >= 0) return 0;
  if (NUMERIC.test(head) && NUMERIC.test(checkpoint))
    return Number(BigInt(head) - BigInt(checkpoint));
  return null;
}

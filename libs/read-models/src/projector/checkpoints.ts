import { comparePositions, type Position } from '@app/event-store';
import type { Checkpoint } from '../read-model-store.port';
import { PROJECTIONS } from '../projections/project-batch';

/** The earliest of the positions; null when there are none or one is null. */
export function lowestPosition(positions: readonly (Position | null)[]): Position | null {
  if (positions.length === 0 || positions.includes(null)) return null;
  return (positions as Position[]).reduce((a, b) => (comparePositions(a, b) <= 0 ? a : b));
}

/** The position every projection of this code has reached, from the stored checkpoints. */
export function projectionsCheckpoint(stored: readonly Checkpoint[]): Position | null {
  const byName = new Map(stored.map((c) => [c.projection, c.position]));
  return lowestPosition(PROJECTIONS.map((p) => byName.get(p) ?? null));
}

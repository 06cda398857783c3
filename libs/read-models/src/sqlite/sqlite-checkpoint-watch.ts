import Database from 'better-sqlite3';
import type { Position } from '@app/event-store';
import type { Checkpoint, CheckpointWatch, CheckpointWatchOptions } from '../read-model-store.port';
import { projectionsCheckpoint } from '../projector/checkpoints';

/**
 * Follows checkpoints another process commits to the file: `PRAGMA data_version` (on its own
 * read-only connection) changes when another connection commits, and costs next to nothing to
 * ask, so a short timer asks it and reads the checkpoints only when it moved. The timer is
 * unref'd and never runs inside a request.
 */
export function watchSqliteCheckpoints(
  filename: string,
  intervalMs: number,
  onAdvance: (position: Position) => void,
  { onError }: CheckpointWatchOptions = {},
): CheckpointWatch {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  const read = db.prepare('SELECT projection, position FROM rm_checkpoint');
  let seen: unknown;
  let last: Position | null = null;
  const check = () => {
    try {
      const version = db.pragma('data_version', { simple: true });
      if (version === seen) return;
      seen = version;
      const position = projectionsCheckpoint(read.all() as Checkpoint[]);
      if (position !== null && position !== last) {
        last = position;
        onAdvance(position);
      }
    } catch (error) {
      onError?.(error);
    }
  };
  check();
  const timer = setInterval(check, intervalMs).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      if (db.open) db.close();
    },
  };
}

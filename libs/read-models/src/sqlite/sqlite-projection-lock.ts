import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ProjectionClaim, ProjectionHolder, ProjectionLease } from '../read-model-store.port';

/**
 * One projector per SQLite read-model file, across processes: an exclusive transaction held open
 * on a lock database beside it (`<file>-projector.lock`). Another process's attempt is refused at
 * once (no busy wait), and the system lets the lock go when its holder ends, however it ends.
 * Who holds it is written beside the lock (`<file>-projector.json`), since nobody else can read
 * the locked database.
 */
export function claimSqliteProjection(filename: string, holder: ProjectionHolder): ProjectionClaim {
  const lockFile = `${filename}-projector.lock`;
  const holderFile = `${filename}-projector.json`;
  const db = new Database(lockFile);
  try {
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    return { heldBy: readHolder(holderFile) };
  }
  writeHolder(holderFile, holder);
  let released = false;
  const lease: ProjectionLease = {
    holder,
    lost: new Promise<void>(() => undefined), // a file lock is not lost while the process lives
    release: async () => {
      if (released) return;
      released = true;
      rmSync(holderFile, { force: true });
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
  return { lease };
}

function writeHolder(file: string, holder: ProjectionHolder): void {
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(holder));
  renameSync(temporary, file);
}

function readHolder(file: string): ProjectionHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProjectionHolder;
  } catch {
    return null; // the holder is still writing it
  }
}

import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Only the service's own user reads or writes what holds personal information. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** SQLite's companions of a database file; it creates them with the database file's own mode. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * The data folder, created 0700, and tightened to 0700 when it exists with more (when this user
 * owns it: another's folder is left as it is, and the files in it are still 0600).
 */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates a SQLite database file 0600 before SQLite opens it (SQLite would make it 0644, and its
 * -wal and -shm files take the database file's mode), and tightens an existing one and its
 * companions. Its folder is created 0700 when missing. ":memory:" and "" are left alone.
 */
export function preparePrivateSqliteFile(filename: string): void {
  if (filename === '' || filename === ':memory:' || filename.startsWith('file:')) return;
  mkdirSync(dirname(filename), { recursive: true, mode: PRIVATE_DIR_MODE });
  createIfMissing(filename);
  for (const file of [filename, ...COMPANIONS.map((suffix) => filename + suffix)])
    if (existsSync(file)) tighten(file, PRIVATE_FILE_MODE);
}

/**
 * A new empty file (SQLite takes it for an empty database). Never opens an existing one: closing
 * any descriptor of a file drops every POSIX lock this process holds on it, and SQLite's locks
 * (a held projector lock, a WAL reader's) are POSIX locks.
 */
function createIfMissing(filename: string): void {
  let fd: number;
  try {
    fd = openSync(filename, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  closeSync(fd);
}

function tighten(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  const stat = statSync(path);
  if ((stat.mode & 0o777) === mode) return;
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return;
  chmodSync(path, mode);
}

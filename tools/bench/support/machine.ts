import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import Database from 'better-sqlite3';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  sqlite: string;
  /** the temp directory and the filesystem it is on */
  tempDir: string;
  loadAverage: string;
}

/** The mount holding `path` (longest mount-point prefix in /proc/mounts), where there is one. */
function filesystemOf(path: string): string {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter(
        (f) => f.length >= 3 && (path === f[1] || path.startsWith(f[1] === '/' ? '/' : f[1] + '/')),
      )
      .sort((a, b) => b[1].length - a[1].length);
    return mounts.length ? `${mounts[0][2]} on ${mounts[0][0]}` : 'unknown filesystem';
  } catch {
    return 'unknown filesystem';
  }
}

export const loadAverage = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

export function describeMachine(tempRoot: string): Machine {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()} ${arch()}`,
    node: process.version,
    sqlite: `${sqlite} (better-sqlite3)`,
    tempDir: `${tempRoot} (${filesystemOf(tempRoot)})`,
    loadAverage: loadAverage(),
  };
}

import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';

/**
 * With E2E_LOG_DIR set, what a spawned process writes (stdout and stderr, as it comes) is also
 * kept in `<E2E_LOG_DIR>/<kind>-<pid>.log`, to read after a failed run: a spec holds the output
 * only in memory, and a process it killed says nothing more.
 */
export function keepProcessLogs(child: ChildProcess, kind: string): void {
  const dir = process.env.E2E_LOG_DIR;
  if (!dir || child.pid === undefined) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${kind}-${child.pid}.log`);
  const write = (chunk: Buffer) => appendFileSync(file, chunk);
  child.stdout?.on('data', write);
  child.stderr?.on('data', write);
}

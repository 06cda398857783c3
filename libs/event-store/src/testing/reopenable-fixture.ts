import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { EventStore } from '../event-store.port';
import type { EventStoreFixture } from './contract-context';

const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * A contract fixture over `open` (a new client of the same store each time): `reopen` closes the
 * last one and opens another; with `crashAppender` (a script that runs `runCrashAppender`, and
 * the arguments that name the store to it), `spawnAppender` starts it as a child process.
 * `dispose` kills the children and closes every store it opened.
 */
export function reopenableFixture(
  open: () => EventStore,
  crashAppender?: { script: string; args: string[] },
  cleanup: () => void = () => undefined,
): EventStoreFixture {
  const opened = [open()];
  const children: ChildProcess[] = [];
  return {
    store: opened[0],
    async reopen() {
      await opened[opened.length - 1].close();
      opened.push(open());
      return opened[opened.length - 1];
    },
    ...(crashAppender && {
      spawnAppender(streamPrefix: string) {
        const { script, args } = crashAppender;
        const child = spawn(
          process.execPath,
          ['-r', join(REPO_ROOT, 'tools/swc-register.js'), script, ...args, streamPrefix],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        children.push(child);
        return child;
      },
    }),
    async dispose() {
      children.forEach((child) => child.kill('SIGKILL'));
      await Promise.all(opened.map((store) => store.close()));
      cleanup();
    },
  };
}

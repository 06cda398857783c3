import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventStoreContract } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const REPO_ROOT = resolve(__dirname, '../../../..');
const CRASH_APPENDER = join(__dirname, 'testing/sqlite-crash-appender.ts');

// crossProcessPollMs: false proves live subscriptions are woken by this store's own commits.
eventStoreContract('SqliteEventStore', {
  capabilities: { reopen: true, crash: true },
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'event-store-'));
    const filename = join(dir, 'events.db');
    const open = () => new SqliteEventStore({ filename, crossProcessPollMs: false });
    const opened = [open()];
    const children: ReturnType<typeof spawn>[] = [];
    return {
      store: opened[0],
      async reopen() {
        await opened[opened.length - 1].close();
        opened.push(open());
        return opened[opened.length - 1];
      },
      spawnAppender(streamPrefix: string) {
        const args = ['-r', join(REPO_ROOT, 'tools/swc-register.js'), CRASH_APPENDER];
        const child = spawn(process.execPath, [...args, filename, streamPrefix], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        return child;
      },
      async dispose() {
        children.forEach((child) => child.kill('SIGKILL'));
        await Promise.all(opened.map((store) => store.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

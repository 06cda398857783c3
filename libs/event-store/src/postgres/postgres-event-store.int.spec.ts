import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { eventStoreContract } from '../testing';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '../testing/postgres-test-database';
import { PostgresEventStore } from './postgres-event-store';

const REPO_ROOT = resolve(__dirname, '../../../..');
const CRASH_APPENDER = join(__dirname, 'testing/postgres-crash-appender.ts');

describeWithPostgres('PostgresEventStore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  // One database for the suite: each test writes under its own stream prefix and reads the global
  // log from the head it found, as on a shared server.
  eventStoreContract('PostgresEventStore', {
    capabilities: { reopen: true, crash: true },
    async create() {
      const open = () => new PostgresEventStore({ connectionString: db.url, poolSize: 4 });
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
          const child = spawn(process.execPath, [...args, db.url, streamPrefix], {
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          children.push(child);
          return child;
        },
        async dispose() {
          children.forEach((child) => child.kill('SIGKILL'));
          await Promise.all(opened.map((store) => store.close()));
        },
      };
    },
  });
});

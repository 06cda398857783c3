import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing';
import { reopenableFixture } from '../testing/reopenable-fixture';
import { SqliteEventStore } from './sqlite-event-store';

const CRASH_APPENDER = join(__dirname, 'testing/sqlite-crash-appender.ts');

// crossProcessPollMs: false proves live subscriptions are woken by this store's own commits.
eventStoreContract('SqliteEventStore', {
  capabilities: { reopen: true, crash: true },
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'event-store-'));
    const filename = join(dir, 'events.db');
    return reopenableFixture(
      () => new SqliteEventStore({ filename, crossProcessPollMs: false }),
      { script: CRASH_APPENDER, args: [filename] },
      () => rmSync(dir, { recursive: true, force: true }),
    );
  },
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { worldArb } from '@app/domain/testing/money-world';
import { SqliteEventStore } from '@app/event-store';
import { PostgresReadModelStore } from '../postgres/postgres-read-model-store';
import type { ReadModelStore } from '../read-model-store.port';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import { playRollWorld } from '@app/domain/testing/roll-world';
import { StoreRollDriver } from '../testing/store-roll-driver';

/**
 * Issued rolls, arrears, clawbacks and the roll as known then, against the reference model, on
 * each read-model store: random worlds (categories changing, the allowance starting and ending,
 * standards raised back-dated, closures recorded late, transfers, graduations, rolls issued in
 * between, births near month boundaries), then every roll settled and each case-month checked:
 * all that was ever paid for it is what it was owed.
 */
async function playOn(
  world: Parameters<typeof playRollWorld>[0],
  readModels: () => Promise<ReadModelStore>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'rolls-'));
  const events = new SqliteEventStore({ filename: ':memory:', crossProcessPollMs: false });
  const store = await readModels();
  try {
    await playRollWorld(world, new StoreRollDriver(events, store));
  } finally {
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('payment rolls against the reference model [sqlite]', () => {
  it('issue, adjust and settle as the reference says', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb({ issues: true }), (world) =>
        playOn(world, async () => new SqliteReadModelStore({ filename: ':memory:' })),
      ),
      { numRuns: 20 },
    );
  });
});

describeWithPostgres('payment rolls against the reference model [postgres]', (serverUrl) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(serverUrl);
  });
  afterAll(() => db.drop());

  it('issue, adjust and settle as the reference says', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb({ issues: true }), (world) =>
        playOn(world, async () => {
          const store = await PostgresReadModelStore.open({
            connectionString: db.url,
            poolSize: 2,
          });
          await store.reset();
          return store;
        }),
      ),
      { numRuns: 4 },
    );
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  describeWithPostgres,
  type TestDatabase,
} from '@app/event-store/testing/postgres-test-database';
import {
  ERASED_CASE,
  closedCaseWithPersonalInformation,
  erase,
  personalValuesInDatabase,
  personalValuesInFiles,
  runTool,
} from './support/erasure';
import { TestApp } from './support/test-app';

/**
 * The same erasure with the events and the read models in PostgreSQL: afterwards no table of the
 * database (events, read models, access log, the keys' own schema) holds the child's name, ID
 * number or guardian's name, nor does any file under DATA_DIR, and history:verify passes.
 */
describeWithPostgres('erasing a case’s personal information (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'erase-pg-'));
    env = {
      EVENT_STORE: 'postgres',
      READ_MODEL_STORE: 'postgres',
      DATABASE_URL: db.url,
      IDENTITY_HMAC_KEY: 'erase-pg-identity-key-0123456789',
      PERSONAL_DATA_KEY: '5a'.repeat(32),
    };
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no row of any table holding the personal information, the chain intact', async () => {
    const app = await TestApp.start(env, dataDir);
    try {
      const caseId = await closedCaseWithPersonalInformation(app);
      // the search finds what is there: the read models hold the names until the erasure
      expect((await personalValuesInDatabase(db.url)).map((h) => h.table)).toContain(
        '"public"."rm_case"',
      );
      const erased = await erase(app, caseId);
      expect(erased.errors).toBeUndefined();
      const read = await app.gql<{ case: { erased: boolean; child: { name: string | null } } }>(
        ERASED_CASE,
        { id: caseId },
        app.token('ADMIN'),
      );
      expect(read.data!.case).toMatchObject({ erased: true, child: { name: null } });
      expect(await personalValuesInDatabase(db.url)).toEqual([]);
      expect(personalValuesInFiles(dataDir)).toEqual([]);
    } finally {
      await app.close();
    }
    const verify = runTool('history-verify', { ...env, DATA_DIR: dataDir });
    expect(verify.status).toBe(0);
    const rebuild = runTool('projections-rebuild', { ...env, DATA_DIR: dataDir });
    expect(rebuild.status).toBe(0);
    expect(await personalValuesInDatabase(db.url)).toEqual([]);
  }, 120_000);
});

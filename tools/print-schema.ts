import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '@app/runtime/config/app-config';
import { printedSchema } from '../apps/api/src/graphql/print-schema';

/** Writes apps/api/schema.gql from the code-first schema (a spec fails when they drift). */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'schema-'));
  const app = await createApp(
    loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      AUTH_JWT_SECRET: 'schema-printing-needs-no-real-secret',
    }),
  );
  await app.init();
  // run from dist/tools/: the committed file is two levels up
  writeFileSync(resolve(__dirname, '..', '..', 'apps', 'api', 'schema.gql'), printedSchema(app));
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log('wrote apps/api/schema.gql');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

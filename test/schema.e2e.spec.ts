import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printedSchema } from '../apps/api/src/graphql/print-schema';
import { TestApp } from './support/test-app';

describe('the committed schema (apps/api/schema.gql)', () => {
  it('is exactly the schema the server runs (run `npm run schema:print` after changing it)', async () => {
    const app = await TestApp.start();
    try {
      const committed = readFileSync(join(__dirname, '..', 'apps', 'api', 'schema.gql'), 'utf8');
      expect(printedSchema(app.app)).toBe(committed);
    } finally {
      await app.close();
    }
  });
});

import { describeUnless } from './describe-unless';

export { createTestDatabase, queryDatabase, type TestDatabase } from './postgres-databases';

export const POSTGRES_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * `describe` when DATABASE_URL names a PostgreSQL server. Without it every test of the suite is
 * reported as skipped, and the run ends with one line saying why (CI sets DATABASE_URL; a laptop
 * may not have PostgreSQL). The body is still called to collect the tests: it must not use the
 * server URL before its hooks and tests run.
 */
export function describeWithPostgres(name: string, body: (serverUrl: string) => void): void {
  const serverUrl = process.env.DATABASE_URL ?? '';
  describeUnless(
    serverUrl ? null : `needs PostgreSQL, set DATABASE_URL=${POSTGRES_TEST_URL}`,
    name,
    () => body(serverUrl),
  );
}

export { createTestDatabase, queryDatabase, type TestDatabase } from './postgres-databases';

/**
 * `describe` when DATABASE_URL names a PostgreSQL server. Without it the suite holds one test
 * that says why nothing else ran (CI sets DATABASE_URL; a laptop may not have PostgreSQL).
 */
export function describeWithPostgres(name: string, body: (serverUrl: string) => void): void {
  const serverUrl = process.env.DATABASE_URL;
  describe(name, () => {
    if (serverUrl) {
      body(serverUrl);
      return;
    }
    it('is skipped: DATABASE_URL is not set', () => {
      console.warn(
        `${name}: skipped, DATABASE_URL is not set` +
          ' (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test)',
      );
      expect(process.env.DATABASE_URL ?? '').toBe('');
    });
  });
}

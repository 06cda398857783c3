import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDatabase = { name: string; url: string; drop(): Promise<void> };

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own (`cases_test_<random>`) on DATABASE_URL's server, dropped by `drop()`.
 * Made with a Chinese ICU collation where the server has one, under which '3703:' sorts before
 * '370301': the read models must not depend on the database's collation for prefixes and order.
 */
export async function createTestDatabase(
  serverUrl = process.env.DATABASE_URL ?? '',
): Promise<TestDatabase> {
  const name = `cases_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, async (client) => {
    try {
      await client.query(
        `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'` +
          ` LOCALE_PROVIDER icu ICU_LOCALE 'zh' LOCALE 'C.UTF-8'`,
      );
    } catch {
      await client.query(`CREATE DATABASE ${name}`); // PostgreSQL before 15, or without ICU
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** One statement on a connection of its own (what another process or an operator would send). */
export async function queryDatabase<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

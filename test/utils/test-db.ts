import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The database of one test app: a SQLite file in its data folder, or, when TEST_DATABASE_URL
 * points at PostgreSQL (the second half of `npm test`), a fresh database created for it.
 */
export interface TestDatabase {
  url: string | undefined;
  drop(): Promise<void>;
}

export function testPostgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

export async function createTestDatabase(dataDir: string): Promise<TestDatabase> {
  const admin = testPostgresUrl();
  if (!admin) return { url: `sqlite:${join(dataDir, 'test.sqlite')}`, drop: () => Promise.resolve() };
  const name = `nhiemvu_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

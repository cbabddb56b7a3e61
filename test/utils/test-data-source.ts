import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SCHEMA_ENTITIES } from 'src/app/schema';
import { AppConfig, loadConfiguration } from 'src/core/config/configuration';
import { runMigrations } from 'src/core/database/prepare-database';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { createTestDatabase, TestDatabase } from './test-db';

/** A migrated database of its own (SQLite file, or PostgreSQL when TEST_DATABASE_URL is set) and a DataSource on it. */
export interface TestDataSource {
  ds: DataSource;
  config: AppConfig;
  /** The temporary DATA_DIR (the SQLite file lives in it). */
  dir: string;
  /** Destroys the DataSource, drops the PostgreSQL database and removes the folder. */
  close(): Promise<void>;
}

/**
 * The database the integration and medium tests start from: a fresh one with every migration applied, and a
 * standalone DataSource with every module's entities (src/app/schema.ts).
 */
export async function openTestDataSource(name: string, env: Record<string, string> = {}): Promise<TestDataSource> {
  const dir = mkdtempSync(join(tmpdir(), `nhiemvu-${name}-`));
  let db: TestDatabase | undefined;
  let ds: DataSource | undefined;
  const close = async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    db = await createTestDatabase(dir);
    const config = loadConfiguration({ DATA_DIR: dir, ...(db.url ? { DATABASE_URL: db.url } : {}), ...env });
    await runMigrations(config);
    ds = await new DataSource(typeOrmOptions(config, SCHEMA_ENTITIES)).initialize();
    return { ds, config, dir, close };
  } catch (err) {
    await close();
    throw err;
  }
}

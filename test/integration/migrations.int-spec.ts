import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { MIGRATIONS } from 'src/core/database/migrations';
import { runMigrations } from 'src/core/database/prepare-database';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { createTestDatabase, TestDatabase } from 'test/utils/test-db';

/** Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (the second half of `npm test`). */
describe('migrations', () => {
  let dir: string;
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-migrations-'));
    db = await createTestDatabase(dir);
    const config = loadConfiguration({ DATA_DIR: dir, ...(db.url ? { DATABASE_URL: db.url } : {}) });
    await runMigrations(config);
    ds = await new DataSource(typeOrmOptions(config)).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should leave nothing for the entities to change (migrations and entities agree)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('should create the indexes the task queries rely on', async () => {
    const tasks = await ds.createQueryRunner().getTable('tasks');
    const names = tasks!.indices.map((i) => i.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'IDX_tasks_lead_status_due',
        'IDX_tasks_program_due',
        'IDX_tasks_due',
        'UQ_tasks_program_code',
      ]),
    );
  });

  it('should give the agency listings an index that covers their timeliness filters', async () => {
    // In the index's own order (TypeORM's table reader does not keep it on PostgreSQL).
    const columns =
      ds.options.type === 'postgres'
        ? ((
            await ds.query<{ indexdef: string }[]>(
              "SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_tasks_lead_status_due'",
            )
          )[0]?.indexdef
            .replace(/^.*\((.*)\)$/, '$1')
            .split(', ')
            .map((c) => c.replace(/"/g, '')) ?? [])
        : (await ds.query<{ name: string }[]>("PRAGMA index_info('IDX_tasks_lead_status_due')")).map((r) => r.name);
    expect(columns).toEqual(['leadAgencyId', 'status', 'effectiveDueDate', 'completedAt']);
  });

  it('should revert every migration and re-apply them cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const runner = ds.createQueryRunner();
    expect(await runner.hasTable('tasks')).toBe(false);
    await runner.release();
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  it('should report no pending migration on a second run', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });
});

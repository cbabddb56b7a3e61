import { DataSource } from 'typeorm';
import { MIGRATIONS } from 'src/core/database/migrations';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/** Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (the second half of `npm test`). */
describe('migrations', () => {
  let t: TestDataSource;
  let ds: DataSource;

  beforeAll(async () => {
    t = await openTestDataSource('migrations');
    ds = t.ds;
  });

  afterAll(async () => {
    await t?.close();
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

  /** An index's columns in its own order (TypeORM's table reader does not keep it on PostgreSQL). */
  async function indexColumns(name: string): Promise<string[]> {
    if (ds.options.type !== 'postgres') return (await ds.query<{ name: string }[]>(`PRAGMA index_info('${name}')`)).map((r) => r.name);
    const [row] = await ds.query<{ indexdef: string }[]>('SELECT indexdef FROM pg_indexes WHERE indexname = $1', [name]);
    return row?.indexdef.replace(/^.*\((.*)\)$/, '$1').split(', ').map((c) => c.replace(/"/g, '')) ?? [];
  }

  it('should give the agency listings an index that covers their timeliness filters', async () => {
    expect(await indexColumns('IDX_tasks_lead_status_due')).toEqual(['leadAgencyId', 'status', 'effectiveDueDate', 'completedAt']);
  });

  it('should give the tasks an agency coordinates an index of their state by id (their rows are not read)', async () => {
    expect(await indexColumns('IDX_tasks_id_state')).toEqual(['id', 'status', 'effectiveDueDate', 'completedAt', 'leadAgencyId']);
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

  it('should give existing half, quarter and month programs period number 1 and year programs none', async () => {
    const runner = ds.createQueryRunner();
    while (await runner.hasColumn('programs', 'periodNumber')) await ds.undoLastMigration({ transaction: 'each' });
    for (const [code, period] of [['OLD-Y', 'year'], ['OLD-Q', 'quarter'], ['OLD-M', 'month']])
      await runner.query(`INSERT INTO programs (code, title, year, period) VALUES ('${code}', 'Cũ', 2024, '${period}')`);
    await runner.release();
    await ds.runMigrations({ transaction: 'each' });
    const rows = await ds.query<{ code: string; periodNumber: number | null }[]>(
      `SELECT code, "periodNumber" FROM programs WHERE code LIKE 'OLD-%' ORDER BY code`,
    );
    expect(rows.map((r) => [r.code, r.periodNumber === null ? null : Number(r.periodNumber)])).toEqual([
      ['OLD-M', 1],
      ['OLD-Q', 1],
      ['OLD-Y', null],
    ]);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('should report no pending migration on a second run', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });
});

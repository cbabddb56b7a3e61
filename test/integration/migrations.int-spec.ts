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

  it('should move the days the scans stored into task_reminder_days and keep them in step from then on (TaskReminderDays)', async () => {
    const runner = ds.createQueryRunner();
    while (await runner.hasTable('task_reminder_days')) await ds.undoLastMigration({ transaction: 'each' });
    expect(await runner.hasColumn('tasks', 'nextReminderOn')).toBe(true);
    await runner.query(`INSERT INTO agencies (code, name, kind, aliases, emails) VALUES ('MIG', 'Sở Di chuyển', 'department', '[]', '[]')`);
    const [{ id: agencyId }] = await runner.query(`SELECT id FROM agencies WHERE code = 'MIG'`);
    // [code, status, due, the day a scan stored]: a day past the floor, one at the floor, none (done),
    // none (no due date), and one stored although the task left the agency's hands (kept: the scan settles it).
    const rows: [string, string, string | null, string | null][] = [
      ['M1', 'in_progress', '2026-12-31', '2026-12-24'],
      ['M2', 'new', '2027-03-31', '2027-01-30'],
      ['M3', 'done', '2026-11-30', null],
      ['M4', 'new', null, null],
      ['M5', 'submitted', '2026-12-15', '2026-12-08'],
    ];
    for (const [code, status, due, day] of rows) {
      const v = (x: string | null) => (x === null ? 'NULL' : `'${x}'`);
      await runner.query(
        `INSERT INTO tasks (code, title, kind, "leadAgencyId", "assignedAt", "dueDate", "effectiveDueDate", origin, status, progress, version, "searchText", "nextReminderOn")
         VALUES ('${code}', 'Nhiệm vụ ${code}', 'task', ${agencyId}, '2026-01-05', ${v(due)}, ${v(due)}, 'added', '${status}', 0, 1, '${code.toLowerCase()}', ${v(day)})`,
      );
    }
    await ds.runMigrations({ transaction: 'each' });
    expect(await runner.hasColumn('tasks', 'nextReminderOn')).toBe(false);
    const asText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
    const fill = (await runner.query(
      `SELECT t.code, r.day, r."effectiveDueDate" AS due FROM task_reminder_days r JOIN tasks t ON t.id = r."taskId" WHERE t.code LIKE 'M%' ORDER BY t.code`,
    )).map((r: { code: string; day: unknown; due: unknown }) => [r.code, asText(r.day), asText(r.due)]);
    expect(fill).toEqual([
      ['M1', '2026-12-24', '2026-12-31'],
      ['M2', '2027-01-30', '2027-03-31'],
      ['M5', '2026-12-08', '2026-12-15'],
    ]);
    // The triggers run after the rebuild (SQLite) and on PostgreSQL: a new task gets its floor, a done one
    // loses its day, and the search index and task_involvements still follow tasks.
    await runner.query(
      `INSERT INTO tasks (code, title, kind, "leadAgencyId", "assignedAt", "dueDate", "effectiveDueDate", origin, status, progress, version, "searchText")
       VALUES ('M6', 'Nhiệm vụ M6', 'task', ${agencyId}, '2026-01-05', '2026-06-30', '2026-06-30', 'added', 'new', 0, 1, 'm6 chuyen doi')`,
    );
    await runner.query(`UPDATE tasks SET status = 'done', "completedAt" = '2026-12-01' WHERE code = 'M1'`);
    const after = (await runner.query(
      `SELECT t.code, r.day FROM task_reminder_days r JOIN tasks t ON t.id = r."taskId" WHERE t.code LIKE 'M%' ORDER BY t.code`,
    )).map((r: { code: string; day: unknown }) => [r.code, asText(r.day)]);
    expect(after).toEqual([
      ['M2', '2027-01-30'],
      ['M5', '2026-12-08'],
      ['M6', '2026-05-01'], // 30/06 − 60 days
    ]);
    const involved = await runner.query(`SELECT COUNT(*) AS n FROM task_involvements i JOIN tasks t ON t.id = i."taskId" WHERE t.code = 'M6'`);
    expect(Number(involved[0].n)).toBe(1);
    if (ds.options.type !== 'postgres') {
      const found = await runner.query(`SELECT rowid FROM task_search WHERE task_search MATCH 'chuyen'`);
      expect(found).toHaveLength(1);
    }
    await runner.release();
    expect(await ds.showMigrations()).toBe(false);
  });

  it('should report no pending migration on a second run', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });
});

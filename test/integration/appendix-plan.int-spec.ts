import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbstractLogger, DataSource, LogLevel, LogMessage } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { runMigrations } from 'src/core/database/prepare-database';
import { SCHEMA_ENTITIES } from 'src/app/schema';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { TaskFiguresQuery, TaskFiguresScope } from 'src/modules/tasks/queries/task-figures.query';
import { Task } from 'src/modules/tasks/task.entity';
import { testPostgresUrl } from 'test/utils/test-db';

/** The statements TypeORM runs, with their parameters. */
class Recorder extends AbstractLogger {
  readonly queries: { sql: string; params: unknown[] }[] = [];
  protected writeLog(_level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    void message;
  }
  override logQuery(query: string, parameters?: unknown[]): void {
    this.queries.push({ sql: query, params: parameters ?? [] });
  }
}

/**
 * How SQLite reads the appendix aggregates (issue #15, scenario 5): Phụ lục I and II are each one pass
 * over IDX_tasks_report alone, its groups in the index's order (no table rows, no sort of the groups);
 * scoped to a program, where the index does not cover, the grouping column is hidden from the planner.
 * PostgreSQL plans from statistics: nothing to pin there.
 */
(testPostgresUrl() ? describe.skip : describe)('appendix aggregates on SQLite (query plans)', () => {
  let dir: string;
  let ds: DataSource;
  let recorder: Recorder;
  let sut: TaskFiguresQuery;
  const year: TaskFiguresScope = { from: '2026-01-01', to: '2026-12-31', asOf: '2026-10-19' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-appendix-plan-'));
    const config = loadConfiguration({ DATA_DIR: dir });
    await runMigrations(config);
    recorder = new Recorder();
    ds = await new DataSource({ ...typeOrmOptions(config, SCHEMA_ENTITIES), logging: ['query'], logger: recorder }).initialize();
    await ds.query('ANALYZE');
    sut = new TaskFiguresQuery(ds.getRepository(Task));
  });

  afterAll(async () => {
    await ds?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const planOf = async (run: () => Promise<unknown>): Promise<string> => {
    recorder.queries.length = 0;
    await run();
    const [q] = recorder.queries.filter((x) => /^\s*SELECT/i.test(x.sql));
    const rows: { detail: string }[] = await ds.query(`EXPLAIN QUERY PLAN ${q.sql}`, q.params);
    return rows.map((r) => r.detail).join(' | ');
  };

  it('should count Phụ lục I and II per agency from IDX_tasks_report alone, in its order', async () => {
    for (const run of [() => sut.programItemCountsByAgency(year), () => sut.taskCountsByAgency(year)]) {
      const plan = await planOf(run);
      expect(plan).toMatch(/USING COVERING INDEX IDX_tasks_report \(kind=\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('should read one agency\'s figures as a range of the same index', async () => {
    const plan = await planOf(() => sut.taskCountsByAgency({ ...year, agencyId: 3 }));
    expect(plan).toMatch(/USING COVERING INDEX IDX_tasks_report \(kind=\? AND leadAgencyId=\?\)/);
  });

  it('should not walk an agency index over the table when a program scope leaves the index uncovering', async () => {
    const plan = await planOf(() => sut.taskCountsByAgency({ ...year, programId: 1 }));
    expect(plan).not.toMatch(/IDX_tasks_lead_status_due/);
  });
});

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import {
  FILL_PROGRAM_COUNTS,
  PG_DROP_PROGRAM_COUNT_DDL,
  PG_PROGRAM_COUNT_DDL,
  SQLITE_PROGRAM_COUNT_TRIGGERS,
} from '../src/modules/tasks/task-program-counts';

/**
 * task_program_counts: each program's number of tasks, kept by triggers on tasks
 * (src/modules/tasks/task-program-counts.ts), so a program's list gives its exact total without
 * counting the program on every page (`npm run bench -- --db postgres --tasks 1000000`, scenario 2:
 * the count of a 200,000-task program was 22 ms of the request's 30 ms of SQL; issue #15).
 * Existing tasks are counted here.
 */
export class TaskProgramCounts1770051000000 implements MigrationInterface {
  name = 'TaskProgramCounts1770051000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'task_program_counts',
        columns: [
          { name: 'programId', type: 'integer', isPrimary: true },
          { name: 'tasks', type: 'integer' },
        ],
      }),
    );
    if (q.connection.options.type === 'postgres') for (const sql of PG_PROGRAM_COUNT_DDL) await q.query(sql);
    else for (const sql of Object.values(SQLITE_PROGRAM_COUNT_TRIGGERS)) await q.query(sql);
    for (const sql of FILL_PROGRAM_COUNTS) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') for (const sql of PG_DROP_PROGRAM_COUNT_DDL) await q.query(sql);
    else for (const name of Object.keys(SQLITE_PROGRAM_COUNT_TRIGGERS)) await q.query(`DROP TRIGGER IF EXISTS "${name}"`);
    await q.dropTable('task_program_counts');
  }
}

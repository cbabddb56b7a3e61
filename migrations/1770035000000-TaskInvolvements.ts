import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import {
  FILL_INVOLVEMENTS,
  PG_DROP_INVOLVEMENT_DDL,
  PG_INVOLVEMENT_DDL,
  SQLITE_INVOLVEMENT_TRIGGERS,
} from '../src/modules/tasks/task-involvements';

/**
 * task_involvements: each task's lead and coordinating agencies as rows with the task's state beside
 * them, kept by triggers (src/modules/tasks/task-involvements.ts). An agency's lists and counts read
 * one index range of it instead of its led tasks OR its coordinated ones probed by id (`npm run bench
 * -- --db postgres --tasks 1000000`, scenario 1: ~12,000 probes and ~20,000 heap pages a request;
 * issue #15). Existing tasks are copied in here.
 */
export class TaskInvolvements1770035000000 implements MigrationInterface {
  name = 'TaskInvolvements1770035000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'task_involvements',
        columns: [
          { name: 'agencyId', type: 'integer', isPrimary: true },
          { name: 'taskId', type: 'integer', isPrimary: true },
          { name: 'lead', type: 'integer', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'effectiveDueDate', type: 'date', isNullable: true },
          { name: 'completedAt', type: 'date', isNullable: true },
        ],
      }),
    );
    if (q.connection.options.type === 'postgres') for (const sql of PG_INVOLVEMENT_DDL) await q.query(sql);
    else for (const sql of Object.values(SQLITE_INVOLVEMENT_TRIGGERS)) await q.query(sql);
    for (const sql of FILL_INVOLVEMENTS) await q.query(sql);
    // After the copy: one sorted build of each index instead of a million ordered inserts.
    await q.createIndex(
      'task_involvements',
      new TableIndex({ name: 'IDX_task_involvements_due', columnNames: ['agencyId', 'effectiveDueDate', 'taskId', 'status', 'completedAt'] }),
    );
    await q.createIndex('task_involvements', new TableIndex({ name: 'IDX_task_involvements_task', columnNames: ['taskId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') for (const sql of PG_DROP_INVOLVEMENT_DDL) await q.query(sql);
    else for (const name of Object.keys(SQLITE_INVOLVEMENT_TRIGGERS)) await q.query(`DROP TRIGGER IF EXISTS "${name}"`);
    await q.dropTable('task_involvements');
  }
}

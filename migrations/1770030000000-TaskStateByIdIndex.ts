import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * IDX_tasks_id_state: a task's state columns by its id, so that the tasks an agency coordinates
 * (ids from task_coordinating_agencies) are filtered by status and due date from this index instead
 * of each task's wide row. Found by `npm run bench` scenario 1 (issue #15): an agency coordinates
 * about a thousand tasks at 100,000; on SQLite the page and its count each fell from ~12 to ~5 ms.
 */
export class TaskStateByIdIndex1770030000000 implements MigrationInterface {
  name = 'TaskStateByIdIndex1770030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'tasks',
      new TableIndex({ name: 'IDX_tasks_id_state', columnNames: ['id', 'status', 'effectiveDueDate', 'completedAt', 'leadAgencyId'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('tasks', 'IDX_tasks_id_state');
  }
}

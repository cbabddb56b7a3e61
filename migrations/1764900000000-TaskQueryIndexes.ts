import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes found by `npm run bench` at 100,000 tasks:
 * - completedAt joins IDX_tasks_lead_status_due, so that an agency's list filtered by timeliness
 *   (overdue: open, or done after the day judged) is read from the index alone (scenario 1);
 * - IDX_tasks_report holds every column the appendix aggregates read, so that Phụ lục I and II are
 *   counted from the index instead of the table's wide rows (scenario 5).
 */
export class TaskQueryIndexes1764900000000 implements MigrationInterface {
  name = 'TaskQueryIndexes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('tasks', 'IDX_tasks_lead_status_due');
    await q.createIndex(
      'tasks',
      new TableIndex({
        name: 'IDX_tasks_lead_status_due',
        columnNames: ['leadAgencyId', 'status', 'effectiveDueDate', 'completedAt'],
      }),
    );
    await q.createIndex(
      'tasks',
      new TableIndex({
        name: 'IDX_tasks_report',
        columnNames: ['kind', 'effectiveDueDate', 'status', 'completedAt', 'assignedAt', 'origin', 'leadAgencyId'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('tasks', 'IDX_tasks_report');
    await q.dropIndex('tasks', 'IDX_tasks_lead_status_due');
    await q.createIndex(
      'tasks',
      new TableIndex({
        name: 'IDX_tasks_lead_status_due',
        columnNames: ['leadAgencyId', 'status', 'effectiveDueDate'],
      }),
    );
  }
}

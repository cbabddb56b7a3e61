import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * tasks.submittedAt: the day a proposal was submitted (đã trình), so that Phụ lục I column (5)
 * counts items by their submission date as of the report's day, not by today's status.
 * Existing rows: a done task counts from its completion date (the reports fall back to
 * completedAt); a submitted one without a date keeps counting as submitted.
 */
export class TaskSubmittedAt1770014000000 implements MigrationInterface {
  name = 'TaskSubmittedAt1770014000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('tasks', new TableColumn({ name: 'submittedAt', type: 'date', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('tasks', 'submittedAt');
  }
}

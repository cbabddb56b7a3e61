import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Where an extended due date came from (issue #13): the date and the document's phrase it replaced,
 * so the task shows "31/12/2026 — gia hạn từ 30/11/2024 (tháng 11/2024)" instead of the old phrase
 * beside the new date.
 */
export class TaskExtensionOrigin1770013000200 implements MigrationInterface {
  name = 'TaskExtensionOrigin1770013000200';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('tasks', [
      new TableColumn({ name: 'extendedFromDate', type: 'date', isNullable: true }),
      new TableColumn({ name: 'extendedFromText', type: 'varchar', length: '255', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('tasks', 'extendedFromText');
    await q.dropColumn('tasks', 'extendedFromDate');
  }
}

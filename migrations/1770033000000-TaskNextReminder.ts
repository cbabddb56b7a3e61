import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { SQLITE_SEARCH_TRIGGERS } from '../src/modules/tasks/task-search-index';

/**
 * tasks.nextReminderOn: the day from which the daily reminder scan reads a task (an index range of
 * the tasks whose day has come instead of every open task; #15). Existing rows get the floor the task
 * writers set (reminderFloor in src/modules/reminders/reminder-points.ts: the later of assignedAt and
 * the effective due date minus 60 days, for tasks in the agency's hands with a due date); the first
 * scan replaces it with each task's exact next point. reminder_state keeps the fingerprint of the
 * reminder policies the stored days were computed with (a change resets them to the floor).
 */
export class TaskNextReminder1770033000000 implements MigrationInterface {
  name = 'TaskNextReminder1770033000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('tasks', new TableColumn({ name: 'nextReminderOn', type: 'date', isNullable: true }));
    // On SQLite, TypeORM adds a column by rebuilding the table, which drops its triggers: the text
    // search's (migration TaskSearchIndex) are put back; the index itself is untouched (same ids).
    if (q.connection.options.type !== 'postgres') for (const sql of Object.values(SQLITE_SEARCH_TRIGGERS)) await q.query(sql);
    const floor =
      q.connection.options.type === 'postgres'
        ? `GREATEST("assignedAt", "effectiveDueDate" - 60)`
        : `MAX("assignedAt", date("effectiveDueDate", '-60 days'))`;
    await q.query(
      `UPDATE "tasks" SET "nextReminderOn" = ${floor} WHERE "status" IN ('new', 'in_progress') AND "effectiveDueDate" IS NOT NULL`,
    );
    await q.createIndex('tasks', new TableIndex({ name: 'IDX_tasks_next_reminder', columnNames: ['nextReminderOn'] }));
    await q.createTable(
      new Table({
        name: 'reminder_state',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reminder_state');
    await q.dropIndex('tasks', 'IDX_tasks_next_reminder');
    await q.dropColumn('tasks', 'nextReminderOn');
    if (q.connection.options.type !== 'postgres') for (const sql of Object.values(SQLITE_SEARCH_TRIGGERS)) await q.query(sql);
  }
}

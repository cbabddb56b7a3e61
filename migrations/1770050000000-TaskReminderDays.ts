import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { SQLITE_INVOLVEMENT_TRIGGERS } from '../src/modules/tasks/task-involvements';
import { SQLITE_PROGRAM_COUNT_TRIGGERS } from '../src/modules/tasks/task-program-counts';
import {
  PG_DROP_REMINDER_DAY_DDL,
  PG_REMINDER_DAY_DDL,
  SQLITE_REMINDER_DAY_TRIGGERS,
  TASK_REMINDER_DAYS,
} from '../src/modules/tasks/task-reminder-days';
import { SQLITE_SEARCH_TRIGGERS } from '../src/modules/tasks/task-search-index';

/**
 * The reminder scan's next day moves out of tasks into task_reminder_days (taskId → day, with the
 * due date it was set for), kept at the writers' floor by triggers on tasks
 * (src/modules/tasks/task-reminder-days.ts). On PostgreSQL at a million tasks the scan moved ~220,000
 * tasks a day to their next day, and each UPDATE of the wide, indexed tasks row wrote every index of
 * tasks, the text search's GIN index included: 31 of the scan's 36 s (issue #15, bench row 7).
 * The days the scans stored are kept; tasks.nextReminderOn and its index go.
 */
export class TaskReminderDays1770050000000 implements MigrationInterface {
  name = 'TaskReminderDays1770050000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    await q.createTable(
      new Table({
        name: TASK_REMINDER_DAYS,
        columns: [
          { name: 'taskId', type: 'integer', isPrimary: true },
          { name: 'day', type: 'date' },
          { name: 'effectiveDueDate', type: 'date' },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['taskId'], referencedTableName: 'tasks', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
    await q.query(
      `INSERT INTO "${TASK_REMINDER_DAYS}" ("taskId", "day", "effectiveDueDate")
       SELECT "id", "nextReminderOn", "effectiveDueDate" FROM "tasks" WHERE "nextReminderOn" IS NOT NULL AND "effectiveDueDate" IS NOT NULL`,
    );
    // After the copy: one sorted build instead of ordered inserts.
    await q.createIndex(TASK_REMINDER_DAYS, new TableIndex({ name: 'IDX_task_reminder_days_day', columnNames: ['day', 'taskId'] }));
    await q.dropIndex('tasks', 'IDX_tasks_next_reminder');
    await q.dropColumn('tasks', 'nextReminderOn');
    if (pg) for (const sql of PG_REMINDER_DAY_DDL) await q.query(sql);
    else await restoreSqliteTaskTriggers(q, SQLITE_REMINDER_DAY_TRIGGERS);
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    if (pg) for (const sql of PG_DROP_REMINDER_DAY_DDL) await q.query(sql);
    else for (const name of Object.keys(SQLITE_REMINDER_DAY_TRIGGERS)) await q.query(`DROP TRIGGER IF EXISTS "${name}"`);
    await q.addColumn('tasks', new TableColumn({ name: 'nextReminderOn', type: 'date', isNullable: true }));
    if (!pg) await restoreSqliteTaskTriggers(q, {});
    await q.query(
      `UPDATE "tasks" SET "nextReminderOn" = (SELECT r."day" FROM "${TASK_REMINDER_DAYS}" r WHERE r."taskId" = "tasks"."id")`,
    );
    await q.createIndex('tasks', new TableIndex({ name: 'IDX_tasks_next_reminder', columnNames: ['nextReminderOn'] }));
    await q.dropTable(TASK_REMINDER_DAYS);
  }
}

/**
 * SQLite: TypeORM rebuilt tasks (a column added or dropped), which dropped its triggers: the text
 * search's, task_involvements' and task_program_counts' go back, with `more`. Their tables still hold every row (the
 * rebuild keeps the ids and writes nothing else).
 */
async function restoreSqliteTaskTriggers(q: QueryRunner, more: Record<string, string>): Promise<void> {
  // task_program_counts (migration TaskProgramCounts, later in the list) exists here only on a database
  // that applied it before this one.
  const counts = (await q.hasTable('task_program_counts')) ? Object.values(SQLITE_PROGRAM_COUNT_TRIGGERS) : [];
  for (const sql of [...Object.values(SQLITE_SEARCH_TRIGGERS), ...Object.values(SQLITE_INVOLVEMENT_TRIGGERS), ...counts, ...Object.values(more)]) await q.query(sql);
}

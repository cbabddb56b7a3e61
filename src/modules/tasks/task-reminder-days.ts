/*
 * task_reminder_days (task-reminder-day.entity.ts), created by migration TaskReminderDays: the day
 * from which the reminder scan reads each task still in the agency's hands with a due date. Triggers
 * on tasks set the writers' floor for a new task and when its status, effective due date, assignment
 * day or program changes (what its reminder points depend on; a progress PATCH fires nothing), so
 * every writer keeps it in step in its own transaction. A task leaving the agency's hands loses its
 * row; a deleted task loses it by the foreign key.
 *
 * The floor (reminderFloor in reminders/reminder-points.ts: the later of assignedAt and the due date
 * minus MAX_REMINDER_LEAD_DAYS) is spelt in SQL once, here: the triggers, the repair and
 * TaskReminderDates.resetToFloor take it from reminderFloorSql, and
 * test/integration/reminder-floor-sql.int-spec.ts checks it against the TypeScript rule.
 *
 * On SQLite, TypeORM rebuilds tasks to add or drop a column and the triggers on tasks go with it: a
 * migration that does so puts SQLITE_REMINDER_DAY_TRIGGERS back, and TaskSearchIndex restores them at
 * start-up (filling the table again from the floor). No trigger on another table names tasks (that
 * would make SQLite refuse the rebuild's rename).
 */
import { IN_AGENCY_HANDS } from 'src/modules/calendar/timeliness';
import { MAX_REMINDER_LEAD_DAYS } from 'src/modules/reminders/reminder-points';

export const TASK_REMINDER_DAYS = 'task_reminder_days';

/**
 * The floor of the task row `row` (a prefix: 'new.', 't.', '' …) in SQL: `day` is its value, `when`
 * the condition under which the task has one (in the agency's hands, with a due date). SQLite's
 * MAX() of two dates is the later; PostgreSQL's GREATEST the same on dates.
 */
export function reminderFloorSql(postgres: boolean, row = '', leadDays = MAX_REMINDER_LEAD_DAYS): { day: string; when: string } {
  const days = Math.trunc(leadDays);
  const hands = IN_AGENCY_HANDS.map((s) => `'${s}'`).join(', ');
  return {
    day: postgres
      ? `GREATEST(${row}"assignedAt", ${row}"effectiveDueDate" - ${days})`
      : `MAX(${row}"assignedAt", date(${row}"effectiveDueDate", '-${days} days'))`,
    when: `${row}"status" IN (${hands}) AND ${row}"effectiveDueDate" IS NOT NULL`,
  };
}

const COLUMNS = '"taskId", "day", "effectiveDueDate"';
/** The columns of tasks the day depends on: a change of any of them sets the floor again. */
const DEPENDS_ON = ['status', 'effectiveDueDate', 'assignedAt', 'programId'];
const changed = (o: string, n: string, distinct: string) => DEPENDS_ON.map((c) => `${o}."${c}" ${distinct} ${n}."${c}"`).join(' OR ');

const sqliteFloor = reminderFloorSql(false, 'new.');
/** SQLite: the triggers, by name. (SQLite spells IS DISTINCT FROM as IS NOT.) */
export const SQLITE_REMINDER_DAY_TRIGGERS: Record<string, string> = {
  task_reminder_days_insert: `CREATE TRIGGER IF NOT EXISTS "task_reminder_days_insert" AFTER INSERT ON "tasks"
    WHEN ${sqliteFloor.when} BEGIN
    INSERT INTO "${TASK_REMINDER_DAYS}" (${COLUMNS}) VALUES (new."id", ${sqliteFloor.day}, new."effectiveDueDate"); END`,
  task_reminder_days_update: `CREATE TRIGGER IF NOT EXISTS "task_reminder_days_update"
    AFTER UPDATE OF ${DEPENDS_ON.map((c) => `"${c}"`).join(', ')} ON "tasks"
    WHEN ${changed('old', 'new', 'IS NOT')} BEGIN
    DELETE FROM "${TASK_REMINDER_DAYS}" WHERE "taskId" = new."id";
    INSERT INTO "${TASK_REMINDER_DAYS}" (${COLUMNS}) SELECT new."id", ${sqliteFloor.day}, new."effectiveDueDate" WHERE ${sqliteFloor.when}; END`,
};

const pgRow = reminderFloorSql(true, 'NEW.');
const pgSet = reminderFloorSql(true, 'n.');
/**
 * PostgreSQL: inserts by statement (one INSERT … SELECT over the statement's new rows: an import of
 * thousands of rows runs it once), changes by row, only when a column the day depends on changed.
 */
export const PG_REMINDER_DAY_DDL = [
  `CREATE OR REPLACE FUNCTION task_reminder_days_of_new_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "${TASK_REMINDER_DAYS}" (${COLUMNS}) SELECT n."id", ${pgSet.day}, n."effectiveDueDate" FROM new_tasks n WHERE ${pgSet.when};
  RETURN NULL;
END $$`,
  `CREATE OR REPLACE FUNCTION task_reminder_day_of_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "${TASK_REMINDER_DAYS}" WHERE "taskId" = NEW."id";
  IF ${pgRow.when} THEN
    INSERT INTO "${TASK_REMINDER_DAYS}" (${COLUMNS}) VALUES (NEW."id", ${pgRow.day}, NEW."effectiveDueDate");
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER "task_reminder_days_insert" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS new_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION task_reminder_days_of_new_tasks()`,
  `CREATE TRIGGER "task_reminder_days_update" AFTER UPDATE OF ${DEPENDS_ON.map((c) => `"${c}"`).join(', ')} ON "tasks"
    FOR EACH ROW WHEN (${changed('OLD', 'NEW', 'IS DISTINCT FROM')}) EXECUTE FUNCTION task_reminder_day_of_task()`,
];

export const PG_DROP_REMINDER_DAY_DDL = [
  'DROP TRIGGER IF EXISTS "task_reminder_days_insert" ON "tasks"',
  'DROP TRIGGER IF EXISTS "task_reminder_days_update" ON "tasks"',
  'DROP FUNCTION IF EXISTS task_reminder_days_of_new_tasks()',
  'DROP FUNCTION IF EXISTS task_reminder_day_of_task()',
];

/**
 * Every task in the agency's hands at its floor, into an emptied table (the SQLite repair when the
 * triggers were missing: the scan reads each such task once more and reminder_log keeps every point
 * sent once).
 */
export function fillReminderDaysSql(postgres: boolean): string[] {
  const floor = reminderFloorSql(postgres);
  return [
    `DELETE FROM "${TASK_REMINDER_DAYS}"`,
    `INSERT INTO "${TASK_REMINDER_DAYS}" (${COLUMNS}) SELECT "id", ${floor.day}, "effectiveDueDate" FROM "tasks" WHERE ${floor.when}`,
  ];
}

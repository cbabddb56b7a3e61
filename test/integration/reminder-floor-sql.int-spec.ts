import { DataSource } from 'typeorm';
import { insertRowsReturningIds } from 'src/core/database/insert-rows';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { MAX_REMINDER_LEAD_DAYS, reminderFloor } from 'src/modules/reminders/reminder-points';
import { TaskReminderDates } from 'src/modules/tasks/task-reminder-dates';
import { TaskReminderDay } from 'src/modules/tasks/task-reminder-day.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/** A day no floor can be: what a row the SQL must leave alone keeps. */
const UNTOUCHED: LocalDate = '1999-01-01';

/**
 * reminderFloor is written twice: in TypeScript (reminder-points.ts) and in SQL (reminderFloorSql in
 * task-reminder-days.ts: the triggers on tasks that keep task_reminder_days, and
 * TaskReminderDates.resetToFloor after a change of the reminder policies). Both are run here on a
 * spread of tasks on the real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the SQL must
 * store exactly what the function answers, and no row for the tasks it answers null for.
 */
describe('reminderFloor in SQL (task_reminder_days triggers, TaskReminderDates.resetToFloor)', () => {
  let t: TestDataSource;
  let ds: DataSource;
  let sut: TaskReminderDates;
  let tasks: Pick<Task, 'id' | 'status' | 'assignedAt' | 'effectiveDueDate'>[] = [];
  const q = (sql: string) => ds.query(sql);

  beforeAll(async () => {
    t = await openTestDataSource('reminder-floor-sql');
    ds = t.ds;
    sut = new TaskReminderDates(ds.getRepository(TaskReminderDay));
    const [agency] = await ds.getRepository(Agency).save([{ code: 'STC', name: 'Sở Tài chính', kind: AgencyKind.Department, aliases: [], emails: [] }]);
    const assigned: LocalDate[] = ['2024-01-01', '2024-02-29', '2024-12-31', '2025-03-01'];
    // Due dates around each assignment day: before it, on it, inside and at the edge of the lead, far after;
    // across month ends, a leap day and a year end; and none.
    const offsets = [-5, 0, 1, MAX_REMINDER_LEAD_DAYS - 1, MAX_REMINDER_LEAD_DAYS, MAX_REMINDER_LEAD_DAYS + 1, 365, 1000];
    const rows: Partial<Task>[] = [];
    let n = 0;
    for (const status of Object.values(TaskStatus)) {
      for (const assignedAt of assigned) {
        for (const due of [...offsets.map((o) => addDays(assignedAt, o)), null]) {
          n += 1;
          rows.push({
            code: `F${n}`,
            title: `Nhiệm vụ ${n}`,
            kind: TaskKind.Task,
            leadAgencyId: agency.id,
            assignedAt,
            dueDate: due,
            effectiveDueDate: due,
            origin: TaskOrigin.Initial,
            status,
            searchText: `f${n}`,
          });
        }
      }
    }
    // One multi-row INSERT: on PostgreSQL the insert trigger runs once for the statement.
    const ids = await ds.transaction((m) => insertRowsReturningIds(m, Task, rows));
    tasks = rows.map((r, i) => ({ id: ids[i], status: r.status!, assignedAt: r.assignedAt!, effectiveDueDate: r.effectiveDueDate ?? null }));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function stored(): Promise<Map<number, LocalDate>> {
    const rows = await ds.getRepository(TaskReminderDay).find();
    return new Map(rows.map((r) => [r.taskId, r.day]));
  }
  const floors = () => tasks.map((task) => ({ task, day: reminderFloor(task) ?? undefined }));
  const got = (days: Map<number, LocalDate>) => tasks.map((task) => ({ task, day: days.get(task.id) }));

  it('should give each inserted task exactly its reminderFloor (insert trigger), and none a row without one', async () => {
    expect(got(await stored())).toEqual(floors());
    expect(floors().filter((x) => x.day).length).toBeGreaterThan(20);
  });

  it('should store, for the tasks it is given, exactly what reminderFloor answers', async () => {
    await q(`UPDATE "task_reminder_days" SET "day" = '${UNTOUCHED}'`);
    const some = tasks.filter((_, i) => i % 3 === 0);
    await sut.resetToFloor(MAX_REMINDER_LEAD_DAYS, undefined, some.map((x) => x.id));
    const days = await stored();
    const ids = new Set(some.map((x) => x.id));
    for (const task of tasks) {
      const floor = reminderFloor(task);
      const expected = floor === null ? undefined : ids.has(task.id) ? floor : UNTOUCHED;
      expect({ task, day: days.get(task.id) }).toEqual({ task, day: expected });
    }
  });

  it('should store reminderFloor for every task in the agency’s hands, rows gone included', async () => {
    await q('DELETE FROM "task_reminder_days"');
    const changed = await sut.resetToFloor(MAX_REMINDER_LEAD_DAYS);
    expect(got(await stored())).toEqual(floors());
    expect(changed).toBe(floors().filter((x) => x.day).length);
  });

  it('should follow a change of status, due date and assignment day written in SQL (update trigger)', async () => {
    const statuses = Object.values(TaskStatus);
    // Each task to another status, its due date 10 days later (none stays none), assigned a day earlier.
    for (const [i, task] of tasks.entries()) {
      const status = statuses[(statuses.indexOf(task.status) + 1 + (i % 2)) % statuses.length];
      const due = task.effectiveDueDate && addDays(task.effectiveDueDate, 10);
      const assignedAt = addDays(task.assignedAt, -1);
      await ds.getRepository(Task).update({ id: task.id }, { status, effectiveDueDate: due, dueDate: due, assignedAt });
      Object.assign(task, { status, effectiveDueDate: due, assignedAt });
    }
    expect(got(await stored())).toEqual(floors());
    // A change of nothing the day depends on leaves the day as it is.
    await q(`UPDATE "task_reminder_days" SET "day" = '${UNTOUCHED}'`);
    await q('UPDATE "tasks" SET "progress" = 50, "note" = \'ghi chú\'');
    const days = await stored();
    for (const x of floors()) expect(days.get(x.task.id)).toBe(x.day === undefined ? undefined : UNTOUCHED);
  });
});

import { DataSource } from 'typeorm';
import { insertRowsReturningIds } from 'src/core/database/insert-rows';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { Agency } from 'src/modules/agencies/agency.entity';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { MAX_REMINDER_LEAD_DAYS, reminderFloor } from 'src/modules/reminders/reminder-points';
import { TaskReminderDates } from 'src/modules/tasks/task-reminder-dates';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';

/** A day no floor can be: what a row the SQL must leave alone keeps. */
const UNTOUCHED: LocalDate = '1999-01-01';

/**
 * reminderFloor is written twice: in TypeScript (the task writers set tasks.nextReminderOn with it)
 * and in SQL (TaskReminderDates.resetToFloor, after a change of the reminder policies). Both are run
 * here on a spread of tasks on the real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the
 * SQL must store exactly what the function answers, and leave the tasks it answers null for alone.
 */
describe('reminderFloor in SQL (TaskReminderDates.resetToFloor)', () => {
  let t: TestDataSource;
  let ds: DataSource;
  let sut: TaskReminderDates;
  let tasks: Pick<Task, 'id' | 'status' | 'assignedAt' | 'effectiveDueDate'>[] = [];

  beforeAll(async () => {
    t = await openTestDataSource('reminder-floor-sql');
    ds = t.ds;
    sut = new TaskReminderDates(ds.getRepository(Task));
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
            nextReminderOn: UNTOUCHED,
          });
        }
      }
    }
    const ids = await ds.transaction((m) => insertRowsReturningIds(m, Task, rows));
    tasks = rows.map((r, i) => ({ id: ids[i], status: r.status!, assignedAt: r.assignedAt!, effectiveDueDate: r.effectiveDueDate ?? null }));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function stored(): Promise<Map<number, LocalDate | null>> {
    const rows = await ds.getRepository(Task).find({ select: { id: true, nextReminderOn: true } });
    return new Map(rows.map((r) => [r.id, r.nextReminderOn]));
  }

  it('should store, for the tasks it is given, exactly what reminderFloor answers', async () => {
    const some = tasks.filter((_, i) => i % 3 === 0);
    await sut.resetToFloor(MAX_REMINDER_LEAD_DAYS, undefined, some.map((x) => x.id));
    const got = await stored();
    const ids = new Set(some.map((x) => x.id));
    let floors = 0;
    for (const task of tasks) {
      const floor = ids.has(task.id) ? reminderFloor(task) : null;
      if (floor) floors += 1;
      expect({ task, nextReminderOn: got.get(task.id) }).toEqual({ task, nextReminderOn: floor ?? UNTOUCHED });
    }
    expect(floors).toBeGreaterThan(10);
  });

  it('should store reminderFloor for every task in the agency’s hands and leave the others alone', async () => {
    const changed = await sut.resetToFloor(MAX_REMINDER_LEAD_DAYS);
    const got = await stored();
    const expected = tasks.map((task) => ({ task, nextReminderOn: reminderFloor(task) ?? UNTOUCHED }));
    expect(tasks.map((task) => ({ task, nextReminderOn: got.get(task.id) }))).toEqual(expected);
    expect(changed).toBe(tasks.filter((task) => reminderFloor(task) !== null).length);
  });
});

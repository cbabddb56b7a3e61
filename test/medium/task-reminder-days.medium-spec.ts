import { DataSource } from 'typeorm';
import { addDays, LocalDate } from 'src/core/time/local-date';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { reminderFloor } from 'src/modules/reminders/reminder-points';
import { TaskChangesService } from 'src/modules/tasks/task-changes.service';
import { TaskHandover } from 'src/modules/tasks/task-handover';
import { SYSTEM_ACTOR } from 'src/modules/tasks/task-history.service';
import { ImportedTask, TaskImportWriter } from 'src/modules/tasks/task-import.writer';
import { TaskReminderDates } from 'src/modules/tasks/task-reminder-dates';
import { TaskReminderDay } from 'src/modules/tasks/task-reminder-day.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { TasksService } from 'src/modules/tasks/tasks.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { User } from 'src/modules/users/user.entity';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { MediumApp, startMedium } from './medium-app';

/**
 * task_reminder_days (kept by triggers on tasks, task-reminder-days.ts) on a real database (SQLite, and
 * PostgreSQL with TEST_DATABASE_URL): after every kind of write it holds exactly the writers' floor of
 * each task — an oracle from reminderFloor (reminder-points.ts) over the tasks as they are — and a
 * change of nothing the day depends on (progress, note, lead agency) leaves the day the scan stored.
 */
describe('task_reminder_days (medium)', () => {
  let m: MediumApp;
  let f: ReminderFixtures;
  let ds: DataSource;
  let tasks: TasksService;
  let changes: TaskChangesService;
  let office: AuthUser;
  let today: LocalDate;

  const authOf = (u: User): AuthUser => ({ id: u.id, email: u.email, fullName: u.fullName, role: u.role, agencyId: u.agencyId });
  const q = (sql: string, params: unknown[] = []) =>
    ds.query<Record<string, unknown>[]>(ds.options.type === 'postgres' ? sql.replace(/\?/g, (_, i: number) => `$${sql.slice(0, i).split('?').length}`) : sql, params);

  /** What the table must hold: taskId|floor|due for every task that has a floor. */
  async function expectedRows(): Promise<string[]> {
    const all = await ds.getRepository(Task).find();
    return all.flatMap((t) => {
      const floor = reminderFloor(t);
      return floor ? [`${t.id}|${floor}|${t.effectiveDueDate}`] : [];
    }).sort();
  }
  async function actualRows(): Promise<string[]> {
    return (await ds.getRepository(TaskReminderDay).find()).map((r) => `${r.taskId}|${r.day}|${r.effectiveDueDate}`).sort();
  }
  const dayOf = async (taskId: number) => (await ds.getRepository(TaskReminderDay).findOneBy({ taskId }))?.day ?? null;
  const versionOf = async (id: number) => (await ds.getRepository(Task).findOneByOrFail({ id })).version;

  beforeAll(async () => {
    m = await startMedium([TasksModule]);
    f = new ReminderFixtures(m);
    ds = m.get(DataSource);
    tasks = m.get(TasksService);
    changes = m.get(TaskChangesService);
    office = authOf(await f.user({ role: UserRole.Office }));
    today = tasks.today();
  });
  afterAll(() => m?.close());

  it('should hold exactly the floor after creation, changes, an import, a handover, raw SQL and deletion', async () => {
    const [a, b] = [await f.agency(), await f.agency()];
    const create = (dueDate: LocalDate | null, assignedAt?: LocalDate) =>
      tasks.create({ title: 'Xây dựng kế hoạch', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: a.id, dueDate, assignedAt }, office);
    const far = await create(addDays(today, 200), addDays(today, -10)); // floor: due − 60
    const near = await create(addDays(today, 20), addDays(today, -10)); // floor: assignedAt
    const recurring = await create(null); // no due date: no row
    expect(await actualRows()).toEqual(await expectedRows());
    expect(await dayOf(recurring.id)).toBeNull();
    expect(await dayOf(near.id)).toBe(addDays(today, -10));

    // PATCHes: a new due date, out of the agency's hands, back into them, an earlier assignment day.
    await changes.update(far.id, { version: far.version, dueDate: addDays(today, 400) }, office);
    expect(await actualRows()).toEqual(await expectedRows());
    await changes.update(near.id, { version: near.version, status: TaskStatus.Submitted }, office);
    expect(await dayOf(near.id)).toBeNull();
    await changes.update(near.id, { version: await versionOf(near.id), status: TaskStatus.InProgress }, office);
    expect(await dayOf(near.id)).toBe(reminderFloor((await ds.getRepository(Task).findOneByOrFail({ id: near.id })))!);
    await changes.update(recurring.id, { version: recurring.version, dueDate: addDays(today, 30) }, office);
    expect(await actualRows()).toEqual(await expectedRows());

    // An import: new items (one without a due date) in one multi-row insert, then a re-import that moves a date.
    const program = await f.program();
    const item = (code: string, dueDate: LocalDate | null): ImportedTask => ({
      code, title: `Mục ${code}`, description: null, kind: TaskKind.Task, leadAgencyId: b.id, coordinatingAgencyIds: [], dueDate, dueText: null,
      outputForm: null, submitTo: null, leaderInCharge: null, sourceDocument: null, provided: ['title', 'dueDate', 'leadAgencyId'],
    });
    const writer = m.get(TaskImportWriter);
    const opts = { assignedAt: addDays(today, -5), actor: SYSTEM_ACTOR, comment: 'nhập thử' };
    await writer.write(program.id, [item('1', addDays(today, 10)), item('2', addDays(today, 90)), item('3', null)], opts);
    expect(await actualRows()).toEqual(await expectedRows());
    await writer.write(program.id, [item('2', addDays(today, 300))], opts);
    expect(await actualRows()).toEqual(await expectedRows());

    // A merge's handover moves the lead agency: the day does not depend on it.
    await ds.transaction((tm) => m.get(TaskHandover).handOverOpenTasks(tm, { from: b, to: a, comment: 'sáp nhập', actor: { userId: null, userName: null } }));
    expect(await actualRows()).toEqual(await expectedRows());

    // Writers that bypass the services: the fixtures' repository writes and hand-written SQL.
    const other = await f.task({ agency: a, dueDate: addDays(today, 5) });
    await f.extend(other, addDays(today, 45));
    expect(await actualRows()).toEqual(await expectedRows());
    await q('UPDATE "tasks" SET "status" = ?, "completedAt" = ? WHERE "id" = ?', [TaskStatus.Done, today, other.id]);
    expect(await dayOf(other.id)).toBeNull();
    await q('UPDATE "tasks" SET "status" = ?, "completedAt" = NULL WHERE "id" = ?', [TaskStatus.New, other.id]);
    await q('UPDATE "tasks" SET "assignedAt" = ? WHERE "id" = ?', [addDays(today, 1), other.id]);
    expect(await actualRows()).toEqual(await expectedRows());
    await q(
      `INSERT INTO "tasks" ("code", "title", "kind", "leadAgencyId", "assignedAt", "dueDate", "effectiveDueDate", "origin", "status", "progress", "version", "searchText")
       VALUES ('SQL.1', 'Viết tay', 'task', ?, ?, ?, ?, 'added', 'new', 0, 1, 'viet tay'), ('SQL.2', 'Viết tay xong', 'task', ?, ?, ?, ?, 'added', 'done', 100, 1, 'viet tay xong')`,
      [a.id, today, addDays(today, 70), addDays(today, 70), a.id, today, addDays(today, 70), addDays(today, 70)],
    );
    expect(await actualRows()).toEqual(await expectedRows());
    await ds.getRepository(Task).delete(other.id);
    await q(`DELETE FROM "tasks" WHERE "code" = 'SQL.1'`);
    expect(await actualRows()).toEqual(await expectedRows());
    expect(await dayOf(other.id)).toBeNull();
  });

  it('should leave the day the scan stored when a PATCH changes nothing it depends on, and reset it when one does', async () => {
    const agency = await f.agency();
    const task = await tasks.create(
      { title: 'Báo cáo tiến độ', kind: TaskKind.Task, origin: TaskOrigin.Added, leadAgencyId: agency.id, dueDate: addDays(today, 10), assignedAt: addDays(today, -30) },
      office,
    );
    const floor = await dayOf(task.id);
    expect(floor).toBe(addDays(today, -30));
    // The scan judged it and moved it to its next point.
    const settled = await m.get(TaskReminderDates).settle([{ id: task.id, effectiveDueDate: task.effectiveDueDate, nextReminderOn: addDays(today, 3) }], today);
    expect(settled).toBe(1);
    const progressed = await changes.update(task.id, { version: task.version, progress: 40, note: 'Đang dự thảo' }, office);
    expect(await dayOf(task.id)).toBe(addDays(today, 3));
    const led = await changes.update(task.id, { version: progressed.version, leaderInCharge: 'Phó Chủ tịch Nguyễn Văn A' }, office);
    expect(await dayOf(task.id)).toBe(addDays(today, 3));
    // The same status written again is no change either.
    await q('UPDATE "tasks" SET "status" = "status", "progress" = 50 WHERE "id" = ?', [task.id]);
    expect(await dayOf(task.id)).toBe(addDays(today, 3));
    await changes.update(task.id, { version: led.version, dueDate: addDays(today, 40) }, office);
    expect(await dayOf(task.id)).toBe(addDays(today, -20)); // 40 − 60 days, after the assignment day
  });
});

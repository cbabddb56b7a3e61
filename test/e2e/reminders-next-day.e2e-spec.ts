import { DataSource, In } from 'typeorm';
import { addDays } from 'src/core/time/local-date';
import { ReminderLog } from 'src/modules/reminders/reminder-log.entity';
import { MAX_REMINDER_LEAD_DAYS } from 'src/modules/reminders/reminder-points';
import { RemindersService, ScanResult } from 'src/modules/reminders/reminders.service';
import { ReminderPolicyService } from 'src/modules/reminders/reminder-policy.service';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { TaskReminderDates } from 'src/modules/tasks/task-reminder-dates';
import { TaskReminderDay } from 'src/modules/tasks/task-reminder-day.entity';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { TestApp } from 'test/utils/create-test-app';

const D = '2024-07-15'; // a Monday, no holiday around it

/**
 * task_reminder_days (#15): the daily scan reads the tasks whose reminder day has come, not every
 * open task. The task writers set the floor, the scan stores the exact next point, a policy change
 * resets it; what goes out stays what the point rule (reminder-points.ts) and reminder_log decide.
 */
describe('reminders: the next reminder day of each task (e2e)', () => {
  let t: TestApp;
  let f: ReminderFixtures;
  let sut: RemindersService;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, smtp: true });
    f = new ReminderFixtures(t);
    sut = t.get(RemindersService);
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    await f.closeAllOpen();
  });

  const ds = () => t.app.get(DataSource);
  const nextOf = async (id: number) => (await ds().getRepository(TaskReminderDay).findOneBy({ taskId: id }))?.day ?? null;
  const setDay = (taskId: number, day: string) => ds().getRepository(TaskReminderDay).update({ taskId }, { day });
  const pointsOf = (r: ScanResult, agencyId: number) => r.digests.find((d) => d.agencyId === agencyId)?.points ?? [];
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  it('should have every task writer of the API set the day: create, change of due date, of status', async () => {
    const agency = await f.agency();
    const created = await t.http
      .post('/api/tasks')
      .set(auth())
      .send({ title: 'Nhiệm vụ có ngày nhắc', kind: 'task', leadAgencyId: agency.id, dueDate: '2024-09-30', assignedAt: '2024-01-15', origin: 'added' })
      .expect(201);
    const id = created.body.id as number;
    expect(await nextOf(id)).toBe(addDays('2024-09-30', -MAX_REMINDER_LEAD_DAYS));

    // Assigned less than 60 days before the due date: from the assignment day.
    const late = await t.http
      .post('/api/tasks')
      .set(auth())
      .send({ title: 'Giao sát hạn', kind: 'task', leadAgencyId: agency.id, dueDate: '2024-09-30', assignedAt: '2024-09-01', origin: 'added' })
      .expect(201);
    expect(await nextOf(late.body.id as number)).toBe('2024-09-01');

    // A scan moves it to its exact next point; a new due date puts it back to the floor of that date.
    await sut.scan({ asOf: '2024-09-23' }); // −7 of 30/09
    expect(await nextOf(id)).toBe('2024-09-27'); // −3
    const moved = await t.http.patch(`/api/tasks/${id}`).set(auth()).send({ version: 1, dueDate: '2024-12-31' }).expect(200);
    expect(await nextOf(id)).toBe(addDays('2024-12-31', -MAX_REMINDER_LEAD_DAYS));

    // Out of the agency's hands: no day; back in them: the floor again.
    await t.http.patch(`/api/tasks/${id}`).set(auth()).send({ version: moved.body.version as number, status: 'submitted' }).expect(200);
    expect(await nextOf(id)).toBeNull();
    const again = await ds().getRepository(Task).findOneByOrFail({ id });
    await t.http.patch(`/api/tasks/${id}`).set(auth()).send({ version: again.version, status: 'in_progress' }).expect(200);
    expect(await nextOf(id)).toBe(addDays('2024-12-31', -MAX_REMINDER_LEAD_DAYS));

    // Without a due date (thường xuyên) nothing is ever due.
    const recurring = await t.http
      .post('/api/tasks')
      .set(auth())
      .send({ title: 'Thường xuyên', kind: 'task', leadAgencyId: agency.id, dueDate: null, assignedAt: '2024-01-15', origin: 'added' })
      .expect(201);
    expect(await nextOf(recurring.body.id as number)).toBeNull();
  });

  it('should read only the tasks whose point has come, and each again only on its next point', async () => {
    const agency = await f.agency();
    const due = await f.task({ agency, dueDate: addDays(D, 3) }); // −3 today
    // Far from any point: never read today.
    const far = await Promise.all([0, 1, 2, 3, 4].map((i) => f.task({ agency, dueDate: addDays(D, 200 + i) })));
    const first = await sut.scan({ asOf: D });
    expect(first.candidates).toBe(1);
    expect(pointsOf(first, agency.id)).toEqual([{ taskId: due.id, offsetDays: -3 }]);
    expect(await nextOf(due.id)).toBe(addDays(D, 2)); // −1
    for (const task of far) expect(await nextOf(task.id)).toBe(addDays(task.effectiveDueDate!, -MAX_REMINDER_LEAD_DAYS));

    // The next day nothing of this agency is read; on −1 it is read and sent, then 0, then +7.
    expect(pointsOf(await sut.scan({ asOf: addDays(D, 1) }), agency.id)).toEqual([]);
    expect(await nextOf(due.id)).toBe(addDays(D, 2));
    expect(pointsOf(await sut.scan({ asOf: addDays(D, 2) }), agency.id)).toEqual([{ taskId: due.id, offsetDays: -1 }]);
    expect(await nextOf(due.id)).toBe(addDays(D, 3));
    // A scan missed (downtime) on the due day and after: the latest point only, as before.
    expect(pointsOf(await sut.scan({ asOf: addDays(D, 11) }), agency.id)).toEqual([{ taskId: due.id, offsetDays: 7 }]);
    expect(await nextOf(due.id)).toBe(addDays(D, 17)); // +14
    const logs = await ds().getRepository(ReminderLog).findBy({ taskId: In([due.id]) });
    expect(logs.map((l) => l.offsetDays).sort((a, b) => a - b)).toEqual([-3, -1, 7]);
  });

  it('should send a point that a day left too early still finds recorded only once, and settle it', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: addDays(D, 7) });
    expect(pointsOf(await sut.scan({ asOf: D }), agency.id)).toEqual([{ taskId: task.id, offsetDays: -7 }]);
    // A writer (or a restore) puts the day back before today: the scan reads the task again,
    // reminder_log says −7 went out, nothing is sent and the day moves on to −3.
    await setDay(task.id, addDays(D, -30));
    const again = await sut.scan({ asOf: D });
    expect(pointsOf(again, agency.id)).toEqual([]);
    expect(await nextOf(task.id)).toBe(addDays(D, 4));
  });

  it('should not store a day judged on a due date that has changed since the scan read it', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: addDays(D, 7) });
    const dates = t.get(TaskReminderDates);
    // The scan read the task due D+7; a writer has since moved it to D+30 (and its floor).
    await f.extend(task, addDays(D, 30));
    await setDay(task.id, addDays(D, -1));
    const moved = await ds().getRepository(Task).findOneByOrFail({ id: task.id });
    expect(await dates.settle([{ id: task.id, effectiveDueDate: task.effectiveDueDate, nextReminderOn: addDays(D, 4) }], D)).toBe(0);
    expect(await nextOf(task.id)).toBe(addDays(D, -1));
    expect(await dates.settle([{ id: task.id, effectiveDueDate: moved.effectiveDueDate, nextReminderOn: addDays(D, 23) }], D)).toBe(1);
    expect(await nextOf(task.id)).toBe(addDays(D, 23));
    // Neither the version nor updatedAt of the task moved: the day is the scan's bookkeeping.
    const after = await ds().getRepository(Task).findOneByOrFail({ id: task.id });
    expect(after.version).toBe(moved.version);
    expect(after.updatedAt).toEqual(moved.updatedAt);
  });

  it('should judge the tasks again from their first possible point when a program’s policy changes', async () => {
    const agency = await f.agency();
    const program = await f.program();
    const task = await f.task({ agency, dueDate: D, program });
    expect(pointsOf(await sut.scan({ asOf: D }), agency.id)).toEqual([{ taskId: task.id, offsetDays: 0 }]);
    expect(await nextOf(task.id)).toBe(addDays(D, 7));

    await t.http.put(`/api/programs/${program.id}/reminder-policy`).set(auth()).send({ overdueEveryDays: 3 }).expect(200);
    // Under the new policy +3 is a point: without the reset the task would wait for +7.
    const r = await sut.scan({ asOf: addDays(D, 3) });
    expect(pointsOf(r, agency.id)).toEqual([{ taskId: task.id, offsetDays: 3 }]);
    expect(await nextOf(task.id)).toBe(addDays(D, 6));

    // Reminders off for the program: the task is read once and left without a day.
    await t.http.put(`/api/programs/${program.id}/reminder-policy`).set(auth()).send({ enabled: false }).expect(200);
    expect(pointsOf(await sut.scan({ asOf: addDays(D, 6) }), agency.id)).toEqual([]);
    expect(await nextOf(task.id)).toBeNull();
  });

  it('should leave a task done or withdrawn between two scans out of the range', async () => {
    const agency = await f.agency();
    const [done, withdrawn, open] = await Promise.all([0, 1, 2].map(() => f.task({ agency, dueDate: addDays(D, 3) })));
    await f.setStatus(done, TaskStatus.Done, D);
    await f.setStatus(withdrawn, TaskStatus.Withdrawn);
    expect(await nextOf(done.id)).toBeNull();
    expect(await nextOf(withdrawn.id)).toBeNull();
    const r = await sut.scan({ asOf: D });
    expect(r.candidates).toBe(1);
    expect(pointsOf(r, agency.id)).toEqual([{ taskId: open.id, offsetDays: -3 }]);
  });

  it('should judge again only the tasks whose policy changed: a program’s override, then the defaults', async () => {
    const agency = await f.agency();
    const [own, follows] = [await f.program(), await f.program()];
    await t.http.put(`/api/programs/${own.id}/reminder-policy`).set(auth()).send({ beforeDays: [5] }).expect(200);
    const due = addDays(D, 30);
    const a = await f.task({ agency, dueDate: due, program: own });
    const b = await f.task({ agency, dueDate: due, program: follows });
    const alone = await f.task({ agency, dueDate: due });
    expect((await sut.scan({ asOf: D })).candidates).toBe(3); // each at its floor, D − 30
    expect([await nextOf(a.id), await nextOf(b.id), await nextOf(alone.id)]).toEqual([addDays(due, -5), addDays(due, -7), addDays(due, -7)]);

    // The program's override changes: only its task is read again.
    await t.http.put(`/api/programs/${own.id}/reminder-policy`).set(auth()).send({ beforeDays: [4] }).expect(200);
    expect((await sut.scan({ asOf: addDays(D, 1) })).candidates).toBe(1);
    expect(await nextOf(a.id)).toBe(addDays(due, -4));

    // The defaults change (config/reminders.json): the tasks that follow them, not the program that overrides the changed field.
    const policies = t.get(ReminderPolicyService);
    const defaults = policies.defaults();
    const spy = jest.spyOn(policies, 'defaults').mockReturnValue({ ...defaults, beforeDays: [10, 2] });
    try {
      expect((await sut.scan({ asOf: addDays(D, 2) })).candidates).toBe(2);
      expect([await nextOf(a.id), await nextOf(b.id), await nextOf(alone.id)]).toEqual([addDays(due, -4), addDays(due, -10), addDays(due, -10)]);
    } finally {
      spy.mockRestore();
    }
  });
});

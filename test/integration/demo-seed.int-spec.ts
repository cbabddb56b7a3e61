import { DataSource } from 'typeorm';
import { addDays, diffDays } from 'src/core/time/local-date';
import { loadHolidayCalendar } from 'src/modules/calendar/holidays.config';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { Program } from 'src/modules/programs/program.entity';
import { lastClosedPeriod } from 'src/modules/reports/report-period';
import { TaskRequest, TaskRequestStatus } from 'src/modules/tasks/task-request.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { OPEN_STATUSES, TaskStatus } from 'src/modules/tasks/task.enums';
import { User } from 'src/modules/users/user.entity';
import { openTestDataSource, TestDataSource } from 'test/utils/test-data-source';
import { seedDemoData } from '../../seeds/demo-seed';

/**
 * The demo is a live province on the day it is seeded, whatever that day: the program of that
 * year, work overdue by days and weeks (not years), work due in the coming days, work done on time
 * and late in the periods already closed, requests waiting — and nothing dated years away.
 * Seeded into a real database (SQLite, or PostgreSQL in the second half of `npm test`) on two days.
 */
describe.each(['2026-12-05', '2031-03-10'])('demo seeded on %s (integration)', (today) => {
  const year = Number(today.slice(0, 4));
  let t: TestDataSource;
  let ds: DataSource;
  let tasks: Task[];
  let calendar: WorkingCalendar;

  beforeAll(async () => {
    t = await openTestDataSource('demo-seed');
    ds = t.ds;
    calendar = new WorkingCalendar(loadHolidayCalendar().days);
    const result = await seedDemoData(ds, { calendar, today, password: 'Mật khẩu thử nghiệm 2026!', onlyIfEmpty: true });
    expect(result.created).toBe(true);
    tasks = await ds.getRepository(Task).find();
  });
  afterAll(async () => {
    await t?.close();
  });

  const isOpen = (t: Task) => OPEN_STATUSES.includes(t.status);

  it("should hold the program of today's year, named for it", async () => {
    const programs = await ds.getRepository(Program).find();
    expect(programs.map((p) => ({ code: p.code, year: p.year }))).toEqual([{ code: `CTCT-${year}`, year }]);
    expect(programs[0].title).toBe(`Chương trình công tác năm ${year} của UBND tỉnh`);
    const issuedAt = programs[0].issuedAt!;
    expect(issuedAt < today).toBe(true);
    expect(diffDays(issuedAt, today)).toBeLessThan(400);
    expect(tasks.filter((t) => t.programId === programs[0].id).length).toBeGreaterThanOrEqual(30);
  });

  it('should date nothing years away from today', () => {
    for (const t of tasks) {
      for (const [field, day] of [['assignedAt', t.assignedAt], ['dueDate', t.dueDate], ['completedAt', t.completedAt]] as const) {
        if (day === null) continue;
        const away = Math.abs(diffDays(day, today));
        expect({ code: t.code, field, day, near: away <= 400 }).toEqual({ code: t.code, field, day, near: true });
      }
      expect(t.assignedAt <= today).toBe(true);
      if (t.completedAt) expect(t.completedAt <= today).toBe(true);
    }
  });

  it('should have work overdue by days and weeks, not by months or years', () => {
    const overdue = tasks.filter((t) => isOpen(t) && t.effectiveDueDate !== null && t.effectiveDueDate < today);
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    const days = overdue.map((t) => diffDays(t.effectiveDueDate!, today));
    expect(Math.max(...days)).toBeLessThanOrEqual(8 * 7);
    expect(days.some((d) => d <= 14)).toBe(true);
  });

  it('should have work due in the coming days (what the reminder scan warns about)', () => {
    const soon = tasks.filter((t) => isOpen(t) && t.effectiveDueDate !== null && t.effectiveDueDate >= today && t.effectiveDueDate <= addDays(today, 7));
    expect(soon.length).toBeGreaterThanOrEqual(4);
  });

  it.each(['calendar', 'cutoff'] as const)('should have work done on time and late in the last closed quarter (%s window)', (window) => {
    const period = lastClosedPeriod(today, 'quarter', window);
    const done = tasks.filter((t) => t.status === TaskStatus.Done && t.completedAt! >= period.from && t.completedAt! <= period.to);
    const late = done.filter((t) => t.effectiveDueDate !== null && t.completedAt! > t.effectiveDueDate);
    expect(done.length).toBeGreaterThanOrEqual(10);
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(done.length - late.length).toBeGreaterThanOrEqual(5);
  });

  it('should have work done on time and late in the month before this one', () => {
    const from = addDays(`${today.slice(0, 8)}01`, -1).slice(0, 8) + '01';
    const to = addDays(`${today.slice(0, 8)}01`, -1);
    const done = tasks.filter((t) => t.status === TaskStatus.Done && t.completedAt! >= from && t.completedAt! <= to);
    expect(done.filter((t) => t.completedAt! <= t.effectiveDueDate!).length).toBeGreaterThanOrEqual(1);
    expect(done.filter((t) => t.completedAt! > t.effectiveDueDate!).length).toBeGreaterThanOrEqual(1);
  });

  it('should use the working calendar: deadlines effective on working days, current work given on working days', () => {
    for (const t of tasks) {
      if (t.dueDate !== null) expect(t.effectiveDueDate).toBe(calendar.effectiveDueDate(t.dueDate));
      if (t.code?.startsWith('GV-')) expect({ code: t.code, working: calendar.isWorkingDay(t.assignedAt) }).toEqual({ code: t.code, working: true });
    }
  });

  it('should have requests of agencies waiting for the office, on their own open work', async () => {
    const requests = await ds.getRepository(TaskRequest).find({ where: { status: TaskRequestStatus.Pending } });
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const r of requests) {
      const task = tasks.find((t) => t.id === r.taskId)!;
      const requester = await ds.getRepository(User).findOneByOrFail({ id: r.requestedById });
      expect(isOpen(task)).toBe(true);
      expect(requester.agencyId).toBe(task.leadAgencyId);
      if (r.proposedDueDate) expect(r.proposedDueDate > today).toBe(true);
    }
  });

  it('should add nothing when seeded again on the same day', async () => {
    const requests = await ds.getRepository(TaskRequest).count();
    const again = await seedDemoData(ds, { calendar, today, password: 'Mật khẩu thử nghiệm 2026!', onlyIfEmpty: false });
    expect(again).toEqual({ created: false, counts: { agencies: 0, users: 0, programs: 0, tasks: 0, requests: 0 } });
    expect(await ds.getRepository(Task).count()).toBe(tasks.length);
    expect(await ds.getRepository(TaskRequest).count()).toBe(requests);
  });
});

import { AuthUser } from 'src/modules/auth/auth.decorators';
import { AppendixService } from 'src/modules/reports/appendix.service';
import { TaskFiguresQuery } from 'src/modules/tasks/queries/task-figures.query';
import { ReportsModule } from 'src/modules/reports/reports.module';
import { ReportsService } from 'src/modules/reports/reports.service';
import { TaskKind, TaskStatus } from 'src/modules/tasks/task.enums';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReportTaskFactory } from 'test/fixtures/report-tasks.fixture';
import { REPORT_2020_H1_WINDOW } from '../../seeds/fixtures/report-2020-h1.fixture';
import { MediumApp, startMedium } from './medium-app';

/** ReportsService.appendix on a real database: the figures of Phụ lục I–III from the rows (no HTTP, no worker). */
describe('ReportsService (medium)', () => {
  let m: MediumApp;
  let f: ReportTaskFactory;
  let sut: ReportsService;
  const office: AuthUser = {
    id: 1,
    email: 'vp@nhiemvu.example',
    fullName: 'Văn phòng',
    role: UserRole.Office,
    agencyId: null,
  };
  const { from, to } = REPORT_2020_H1_WINDOW;

  beforeAll(async () => {
    m = await startMedium([ReportsModule]);
    f = new ReportTaskFactory(m.app);
    sut = m.get(ReportsService);
    await f.loadReport2020H1();
  });
  afterAll(() => m?.close());

  it('should give the 2020 report its own figures: 46 / 42 / 4, 91,3% and 37/42 = 88,1%', async () => {
    const r = await sut.appendix({ from, to }, office);
    expect(r.tasks).toMatchObject({
      total: 46,
      done: 42,
      doneOnTime: 42,
      doneLate: 0,
      open: 4,
      openInTime: 4,
      openOverdue: 0,
      doneRate: 0.913,
      completionRate: 1,
    });
    expect(r.programItems).toEqual({
      initial: 40,
      added: 3,
      withdrawnOrDeferred: 1,
      total: 42,
      submitted: 37,
      issued: 33,
      notSubmitted: 5,
      submittedRate: 0.881,
    });
    expect(r.byAgency.reduce((s, a) => s + a.total, 0)).toBe(46);
    expect(r.overdue).toEqual([]);
  });

  it('should count a task done after its due date as late, and an open one past it as overdue', async () => {
    const agency = await f.agency();
    await f.task({
      leadAgencyId: agency.id,
      kind: TaskKind.Task,
      assignedAt: from,
      dueDate: '2020-03-16',
      status: TaskStatus.Done,
      completedAt: '2020-03-20',
    });
    const overdue = await f.task({
      leadAgencyId: agency.id,
      kind: TaskKind.Task,
      assignedAt: from,
      dueDate: '2020-04-15',
      status: TaskStatus.InProgress,
    });
    await f.task({
      leadAgencyId: agency.id,
      kind: TaskKind.Task,
      assignedAt: from,
      dueDate: '2020-05-15',
      status: TaskStatus.Done,
      completedAt: '2020-05-15',
    });

    const r = await sut.appendix({ from, to, agencyId: agency.id }, office);

    expect(r.tasks).toMatchObject({
      total: 3,
      done: 2,
      doneOnTime: 1,
      doneLate: 1,
      open: 1,
      openInTime: 0,
      openOverdue: 1,
      doneRate: 0.667,
      completionRate: 0.667,
    });
    expect(r.overdue.map((o) => [o.no, o.taskId])).toEqual([[1, overdue.id]]);
    // The province's figures moved by exactly these three tasks.
    expect((await sut.appendix({ from, to }, office)).tasks).toMatchObject({
      total: 49,
      done: 44,
      doneLate: 1,
      openOverdue: 1,
    });
  });

  it("should give every page of Phụ lục III exactly the rows of the whole list, read only up to the page's last due date early on", async () => {
    const program = await f.program({ code: 'CTCT-2023-PL3', year: 2023 });
    const agencies = [
      await f.agency({ name: 'Sở Xây dựng' }),
      await f.agency({ name: 'Ban Dân tộc' }),
      await f.agency({ name: 'Sở Văn hóa, Thể thao và Du lịch' }),
    ];
    // Weekdays, so the effective due date is the due date: ties on each date across the three agencies.
    const dues = ['2023-03-15', '2023-05-10', '2023-06-16', '2023-08-01', '2023-09-12', '2023-10-18'];
    const base = { programId: program.id, kind: TaskKind.Task, assignedAt: '2023-02-01' };
    let overdueMade = 0;
    // Created in an order unrelated to Phụ lục III's, so the task ids do not give it away.
    for (let i = 0; i < 126; i++) {
      const due = dues[(i * 5) % dues.length];
      const agency = agencies[(i * 7) % agencies.length];
      await f.task({
        ...base,
        leadAgencyId: agency.id,
        dueDate: due,
        status: i % 3 === 0 ? TaskStatus.Submitted : TaskStatus.InProgress,
      });
      overdueMade += 1;
      if (i % 9 === 0)
        await f.task({ ...base, leadAgencyId: agency.id, dueDate: due, status: TaskStatus.Done, completedAt: due });
      if (i % 11 === 0) await f.task({ ...base, leadAgencyId: agency.id, dueDate: '2023-11-15' });
    }
    // Done after the as-of day: still overdue as of it.
    await f.task({
      ...base,
      leadAgencyId: agencies[0].id,
      dueDate: dues[0],
      status: TaskStatus.Done,
      completedAt: '2023-10-25',
    });
    overdueMade += 1;

    const appendix = m.get(AppendixService);
    const figures = m.get(TaskFiguresQuery);
    const scope = {
      from: '2023-01-01',
      to: '2023-12-31',
      asOf: '2023-10-20',
      programId: program.id,
      agencyId: null,
      leaderInCharge: null,
    };
    const all = (await appendix.compute(scope, 'all')).overdue;
    expect(all).toHaveLength(overdueMade);
    expect(all.map((o) => o.no)).toEqual(all.map((_, i) => i + 1));

    const keys = jest.spyOn(figures, 'overdueKeys');
    try {
      for (const [page, limit, early] of [
        [1, 4, true],
        [2, 4, true],
        [3, 4, true],
        [2, 6, true],
        [1, 30, false],
        [3, 50, false],
        [9, 20, false],
      ] as const) {
        keys.mockClear();
        const r = await appendix.compute(scope, { page, limit });
        expect(r.overduePage).toEqual({ page, limit, total: overdueMade });
        expect(r.overdue).toEqual(all.slice((page - 1) * limit, page * limit));
        // Early pages read the keys due by their last row's date only; deeper ones read them all.
        expect(keys).toHaveBeenCalledTimes(1);
        expect(keys.mock.calls[0][1] ?? null).toEqual(early ? all[page * limit - 1].effectiveDueDate : null);
      }
    } finally {
      keys.mockRestore();
    }
  });
});

import { AuthUser } from 'src/modules/auth/auth.decorators';
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
  const office: AuthUser = { id: 1, email: 'vp@nhiemvu.example', fullName: 'Văn phòng', role: UserRole.Office, agencyId: null };
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
    expect(r.tasks).toMatchObject({ total: 46, done: 42, doneOnTime: 42, doneLate: 0, open: 4, openInTime: 4, openOverdue: 0, doneRate: 0.913, completionRate: 1 });
    expect(r.programItems).toEqual({ initial: 40, added: 3, withdrawnOrDeferred: 1, total: 42, submitted: 37, issued: 33, notSubmitted: 5, submittedRate: 0.881 });
    expect(r.byAgency.reduce((s, a) => s + a.total, 0)).toBe(46);
    expect(r.overdue).toEqual([]);
  });

  it('should count a task done after its due date as late, and an open one past it as overdue', async () => {
    const agency = await f.agency();
    await f.task({ leadAgencyId: agency.id, kind: TaskKind.Task, assignedAt: from, dueDate: '2020-03-16', status: TaskStatus.Done, completedAt: '2020-03-20' });
    const overdue = await f.task({ leadAgencyId: agency.id, kind: TaskKind.Task, assignedAt: from, dueDate: '2020-04-15', status: TaskStatus.InProgress });
    await f.task({ leadAgencyId: agency.id, kind: TaskKind.Task, assignedAt: from, dueDate: '2020-05-15', status: TaskStatus.Done, completedAt: '2020-05-15' });

    const r = await sut.appendix({ from, to, agencyId: agency.id }, office);

    expect(r.tasks).toMatchObject({ total: 3, done: 2, doneOnTime: 1, doneLate: 1, open: 1, openInTime: 0, openOverdue: 1, doneRate: 0.667, completionRate: 0.667 });
    expect(r.overdue.map((o) => [o.no, o.taskId])).toEqual([[1, overdue.id]]);
    // The province's figures moved by exactly these three tasks.
    expect((await sut.appendix({ from, to }, office)).tasks).toMatchObject({ total: 49, done: 44, doneLate: 1, openOverdue: 1 });
  });
});

import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { DocumentTemplatesService } from 'src/modules/document-templates/document-templates.service';
import { Agency } from 'src/modules/agencies/agency.entity';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { ReportRun, ReportRunStatus } from 'src/modules/reports/report-run.entity';
import { ReportsService } from 'src/modules/reports/reports.service';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { UserRole } from 'src/modules/users/user-role.enum';
import { REPORT_2020_H1_EXPECTED, REPORT_2020_H1_WINDOW } from '../../seeds/fixtures/report-2020-h1.fixture';
import { ReportTaskFactory } from 'test/fixtures/report-tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { binaryBody } from 'test/utils/binary-body';
import { TestApp } from 'test/utils/create-test-app';
import { readDocx, readXlsx, rowValues } from 'test/utils/office-read-back';

jest.setTimeout(60_000);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('reports (e2e)', () => {
  let t: TestApp;
  let f: ReportTaskFactory;
  let admin: string;
  let office: string;
  let leader: string;
  let leaderEmail: string;
  let agencyUser: string;
  /** The boundary cases of calendar Q2 2024 live in their own agency. */
  let A: Agency;
  let B: Agency;
  const ids: Record<string, number> = {};

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const appendix = (token: string, query: Record<string, string | number>) => t.http.get('/api/reports/appendix').query(query).set(auth(token));

  async function waitForRun(id: number, token = office): Promise<Record<string, any>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await t.http.get(`/api/reports/${id}`).set(auth(token)).expect(200);
      if (res.body.status === ReportRunStatus.Done || res.body.status === ReportRunStatus.Failed) return res.body as Record<string, any>;
      if (Date.now() > deadline) throw new Error(`report run ${id} still ${res.body.status} after 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const download = (id: number, format: string, token = office) =>
    t.http.get(`/api/reports/${id}/files/${format}`).set(auth(token)).buffer(true).parse(binaryBody);

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, smtp: true, env: { PROVINCE_NAME: REPORT_2020_H1_WINDOW.provinceName } });
    f = new ReportTaskFactory(t);
    admin = await t.login();
    A = await f.agency({ code: 'RPT-A', name: 'Sở Thử nghiệm Báo cáo' });
    B = await f.agency({ code: 'RPT-B', name: 'UBND huyện Thử nghiệm', kind: 'district' as Agency['kind'] });
    const officeUser = await createUser(t, admin, { role: UserRole.Office });
    office = await t.login(officeUser.email, TEST_USER_PASSWORD);
    const leaderUser = await createUser(t, admin, { role: UserRole.Leader });
    leaderEmail = leaderUser.email;
    leader = await t.login(leaderUser.email, TEST_USER_PASSWORD);
    const agencyAccount = await createUser(t, admin, { role: UserRole.Agency, agencyId: A.id });
    agencyUser = await t.login(agencyAccount.email, TEST_USER_PASSWORD);

    const a = A.id;
    // Phụ lục II, calendar Q2 2024 (2024-04-01 – 2024-06-30).
    ids.doneOnDueDate = (await f.task({ leadAgencyId: a, dueDate: '2024-06-14', completedAt: '2024-06-14' })).id;
    ids.doneDayAfter = (await f.task({ leadAgencyId: a, dueDate: '2024-06-14', completedAt: '2024-06-15' })).id;
    // Saturday 15/6 → Monday 17/6: done on the Monday is on time.
    ids.dueSaturday = (await f.task({ leadAgencyId: a, dueDate: '2024-06-15', completedAt: '2024-06-17' })).id;
    // 30/4 and 1/5 are holidays → Thursday 2/5.
    ids.dueHoliday = (await f.task({ leadAgencyId: a, dueDate: '2024-04-30', completedAt: '2024-05-02' })).id;
    ids.noDueDateOpen = (await f.task({ leadAgencyId: a, dueDate: null, dueText: 'Thường xuyên', assignedAt: '2024-01-10' })).id;
    ids.noDueDateDone = (await f.task({ leadAgencyId: a, dueDate: null, completedAt: '2024-05-10' })).id;
    ids.withdrawn = (await f.task({ leadAgencyId: a, dueDate: '2024-05-15', status: TaskStatus.Withdrawn })).id;
    ids.deferred = (await f.task({ leadAgencyId: a, dueDate: '2024-05-15', status: TaskStatus.Deferred })).id;
    ids.carriedOverOverdue = (await f.task({ leadAgencyId: a, assignedAt: '2024-02-01', dueDate: '2024-03-15', status: TaskStatus.InProgress, sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ', code: 'NV-01' })).id;
    ids.doneBeforeFrom = (await f.task({ leadAgencyId: a, assignedAt: '2024-01-10', dueDate: '2024-03-29', completedAt: '2024-03-20' })).id;
    ids.carriedOverDoneLate = (await f.task({ leadAgencyId: a, assignedAt: '2024-02-01', dueDate: '2024-03-29', completedAt: '2024-04-05' })).id;
    ids.openOverdue = (await f.task({ leadAgencyId: a, dueDate: '2024-06-28', status: TaskStatus.InProgress })).id;
    ids.openInTime = (await f.task({ leadAgencyId: a, dueDate: '2024-07-15' })).id;
    ids.assignedAfterTo = (await f.task({ leadAgencyId: a, assignedAt: '2024-07-02', dueDate: '2024-07-10' })).id;
    // Phụ lục I.
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Initial, dueDate: '2024-05-31', completedAt: '2024-05-20' });
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Initial, dueDate: '2024-06-28', status: TaskStatus.Submitted });
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Added, dueDate: '2024-06-28', status: TaskStatus.InProgress });
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Initial, dueDate: '2024-05-15', status: TaskStatus.Withdrawn });
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Added, dueDate: '2024-06-10', status: TaskStatus.Deferred });
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Initial, dueDate: '2024-07-10' });
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Initial, dueDate: '2024-03-29', completedAt: '2024-03-28' });
    // Saturday 29/6 → Monday 1/7: outside the calendar quarter.
    await f.proposal({ leadAgencyId: a, origin: TaskOrigin.Initial, dueDate: '2024-06-29' });
    // Another agency's task: never in A's figures.
    await f.task({ leadAgencyId: B.id, dueDate: '2024-05-10', status: TaskStatus.InProgress });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/reports/appendix', () => {
    const Q2 = { from: '2024-04-01', to: '2024-06-30' };

    it('should count every boundary of calendar Q2 2024 as of its last day', async () => {
      const res = await appendix(office, { ...Q2, agencyId: A.id }).expect(200);
      expect(res.body).toEqual({
        period: { from: '2024-04-01', to: '2024-06-30', asOf: '2024-06-30' },
        programItems: { initial: 3, added: 2, withdrawnOrDeferred: 2, total: 3, submitted: 2, issued: 1, notSubmitted: 1, submittedRate: 0.667 },
        programItemsByAgency: [
          { agencyId: A.id, agencyCode: 'RPT-A', agencyName: 'Sở Thử nghiệm Báo cáo', initial: 3, added: 2, withdrawnOrDeferred: 2, total: 3, submitted: 2, issued: 1, notSubmitted: 1, submittedRate: 0.667 },
        ],
        tasks: {
          total: 10,
          carriedOver: 3,
          assignedInPeriod: 7,
          done: 6,
          doneOnTime: 4,
          doneLate: 2,
          open: 4,
          openInTime: 2,
          openOverdue: 2,
          doneRate: 0.6,
          completionRate: 0.75,
        },
        byAgency: [
          { agencyId: A.id, agencyCode: 'RPT-A', agencyName: 'Sở Thử nghiệm Báo cáo', total: 10, done: 6, doneOnTime: 4, doneLate: 2, open: 4, openInTime: 2, openOverdue: 2, doneRate: 0.6, completionRate: 0.75 },
        ],
        overdue: [
          {
            no: 1,
            taskId: ids.carriedOverOverdue,
            code: 'NV-01',
            sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ',
            title: expect.any(String),
            dueDate: '2024-03-15',
            effectiveDueDate: '2024-03-15',
            agencyName: 'Sở Thử nghiệm Báo cáo',
            daysOverdue: 107,
            note: 'quá hạn 107 ngày',
          },
          {
            no: 2,
            taskId: ids.openOverdue,
            code: null,
            sourceDocument: null,
            title: expect.any(String),
            dueDate: '2024-06-28',
            effectiveDueDate: '2024-06-28',
            agencyName: 'Sở Thử nghiệm Báo cáo',
            daysOverdue: 2,
            note: 'quá hạn 2 ngày',
          },
        ],
        overduePage: { page: 1, limit: 100, total: 2 },
      });
    });

    it('should list Phụ lục III a page at a time in its order, numbered on, and refuse a bad page', async () => {
      const page = async (overduePage: number, overdueLimit: number) => (await appendix(office, { ...Q2, agencyId: A.id, overduePage, overdueLimit }).expect(200)).body;
      const rows = (b: { overdue: { no: number; taskId: number }[] }) => b.overdue.map((o) => [o.no, o.taskId]);
      expect(rows(await page(1, 1))).toEqual([[1, ids.carriedOverOverdue]]);
      const second = await page(2, 1);
      expect(rows(second)).toEqual([[2, ids.openOverdue]]);
      expect(second.overduePage).toEqual({ page: 2, limit: 1, total: 2 });
      expect(second.overdue[0]).toMatchObject({ daysOverdue: 2, note: 'quá hạn 2 ngày', agencyName: 'Sở Thử nghiệm Báo cáo' });
      expect(rows(await page(3, 1))).toEqual([]);
      // Only the figures: the tables without a row of Phụ lục III, still counting it.
      const figures = await page(1, 0);
      expect(figures.overdue).toEqual([]);
      expect(figures.overduePage).toEqual({ page: 1, limit: 0, total: 2 });
      expect(figures.tasks.openOverdue).toBe(2);
      for (const [query, field] of [
        [{ overdueLimit: 501 }, 'overdueLimit'],
        [{ overdueLimit: -1 }, 'overdueLimit'],
        [{ overdueLimit: 'nhiều' }, 'overdueLimit'],
        [{ overduePage: 0 }, 'overduePage'],
        [{ overduePage: 1.5 }, 'overduePage'],
      ] as const) {
        const res = await appendix(office, { ...Q2, ...query }).expect(400);
        expect([...new Set(res.body.details.map((d: { field: string }) => d.field))]).toEqual([field]);
      }
    });

    it('should judge as of an earlier day: done after asOf is open, due after asOf is in time', async () => {
      const res = await appendix(office, { ...Q2, asOf: '2024-06-14', agencyId: A.id }).expect(200);
      expect(res.body.period).toEqual({ from: '2024-04-01', to: '2024-06-30', asOf: '2024-06-14' });
      // Done by 14/6: on the due date, the holiday one, the one without a due date, the carried-over late one.
      expect(res.body.tasks).toEqual({
        total: 10,
        carriedOver: 3,
        assignedInPeriod: 7,
        done: 4,
        doneOnTime: 3,
        doneLate: 1,
        open: 6,
        openInTime: 5,
        openOverdue: 1,
        doneRate: 0.4,
        completionRate: 0.8,
      });
      expect(res.body.overdue.map((o: { taskId: number; daysOverdue: number }) => [o.taskId, o.daysOverdue])).toEqual([[ids.carriedOverOverdue, 91]]);
      expect(res.body.programItems).toMatchObject({ submitted: 2, issued: 1 });
    });

    it('should take named periods with cut-off and calendar windows', async () => {
      const cutoff = await appendix(office, { period: '2024-Q2', window: 'cutoff', agencyId: A.id }).expect(200);
      expect(cutoff.body.period).toEqual({ from: '2024-03-15', to: '2024-06-14', asOf: '2024-06-14' });
      const calendar = await appendix(office, { period: '2024-Q2', window: 'calendar', agencyId: A.id }).expect(200);
      const explicit = await appendix(office, { ...Q2, agencyId: A.id }).expect(200);
      expect(calendar.body).toEqual(explicit.body);
      const byDefault = await appendix(office, { period: '2024-q2', agencyId: A.id }).expect(200);
      expect(byDefault.body).toEqual(cutoff.body);
      for (const period of ['2024-H1', '2024-9M', '2024', '2024-06']) {
        await appendix(office, { period, agencyId: A.id }).expect(200);
      }
    });

    it('should answer an empty period with zeros and null rates', async () => {
      const empty = await f.agency({ code: 'RPT-EMPTY', name: 'Sở Không có nhiệm vụ' });
      await f.task({ leadAgencyId: empty.id, assignedAt: '2024-01-05', dueDate: '2024-01-31', completedAt: '2024-01-30' });
      await f.proposal({ leadAgencyId: empty.id, dueDate: '2024-12-31' });
      const res = await appendix(office, { ...Q2, agencyId: empty.id }).expect(200);
      expect(res.body).toEqual({
        period: { from: '2024-04-01', to: '2024-06-30', asOf: '2024-06-30' },
        programItems: { initial: 0, added: 0, withdrawnOrDeferred: 0, total: 0, submitted: 0, issued: 0, notSubmitted: 0, submittedRate: null },
        programItemsByAgency: [],
        tasks: { total: 0, carriedOver: 0, assignedInPeriod: 0, done: 0, doneOnTime: 0, doneLate: 0, open: 0, openInTime: 0, openOverdue: 0, doneRate: null, completionRate: null },
        byAgency: [],
        overdue: [],
        overduePage: { page: 1, limit: 100, total: 0 },
      });
    });

    it('should show an agency user their own agency only', async () => {
      const own = await appendix(agencyUser, Q2).expect(200);
      const asOffice = await appendix(office, { ...Q2, agencyId: A.id }).expect(200);
      expect(own.body).toEqual(asOffice.body);
      await appendix(agencyUser, { ...Q2, agencyId: A.id }).expect(200);
      const other = await appendix(agencyUser, { ...Q2, agencyId: B.id }).expect(403);
      expect(other.body.message).toBe('Bạn chỉ được xem số liệu của cơ quan, đơn vị mình');
      // Without a filter the office sees both agencies, departments first.
      const all = await appendix(leader, Q2).expect(200);
      const codes = all.body.byAgency.map((a: { agencyCode: string }) => a.agencyCode);
      expect(codes.indexOf('RPT-A')).toBeLessThan(codes.indexOf('RPT-B'));
      expect(all.body.tasks.total).toBe(all.body.byAgency.reduce((s: number, a: { total: number }) => s + a.total, 0));
    });

    it.each([
      [{ from: '2024-06-30', to: '2024-04-01' }, 400, 'Ngày bắt đầu không được sau ngày kết thúc'],
      [{ from: '2024-02-30', to: '2024-06-30' }, 400, 'Dữ liệu không hợp lệ'],
      [{ from: '2024-04-01', to: '2024-13-01' }, 400, 'Dữ liệu không hợp lệ'],
      [{ from: '2019-01-01', to: '2024-06-30' }, 400, 'Kỳ báo cáo không được dài quá 5 năm'],
      [{ period: '2024-Q5' }, 400, 'Kỳ báo cáo "2024-Q5" không hợp lệ; dùng dạng 2024, 2024-06, 2024-Q2, 2024-H1, 2024-H2 hoặc 2024-9M'],
      [{ period: '2024-Q2', window: 'fiscal' }, 400, 'Dữ liệu không hợp lệ'],
      [{ period: '2024-Q2', from: '2024-04-01', to: '2024-06-30' }, 400, 'Chỉ chọn một trong hai: kỳ báo cáo hoặc khoảng ngày (từ ngày, đến ngày)'],
      [{ from: '2024-04-01' }, 400, 'Thiếu ngày kết thúc kỳ báo cáo'],
      [{}, 400, 'Cần chọn kỳ báo cáo hoặc khoảng ngày (từ ngày và đến ngày)'],
      [{ from: '2024-04-01', to: '2024-06-30', asOf: '2024-03-01' }, 400, 'Ngày tính số liệu không được trước ngày bắt đầu kỳ báo cáo'],
      [{ from: '2024-04-01', to: '2024-06-30', bogus: 1 }, 400, 'Dữ liệu không hợp lệ'],
      [{ from: '2024-04-01', to: '2024-06-30', programId: 999999 }, 404, 'Không tìm thấy chương trình công tác'],
      [{ from: '2024-04-01', to: '2024-06-30', agencyId: 999999 }, 404, 'Không tìm thấy cơ quan, đơn vị'],
    ])('should refuse %j with %i and a Vietnamese message', async (query, status, message) => {
      const res = await appendix(office, query as Record<string, string>).expect(status);
      expect(res.body.message).toBe(message);
    });

    it('should give the month-by-month trend of a year, each month judged as Phụ lục II judges it', async () => {
      const res = await t.http.get('/api/reports/trend').query({ year: 2024, agencyId: A.id }).set(auth(leader)).expect(200);
      expect(res.body.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      for (const month of [3, 4, 6]) {
        const row = res.body[month - 1];
        const window = await appendix(office, { from: row.from, to: row.to, agencyId: A.id }).expect(200);
        expect(row).toEqual({ month, from: window.body.period.from, to: window.body.period.to, asOf: window.body.period.to, doneOnTime: window.body.tasks.doneOnTime, doneLate: window.body.tasks.doneLate, openOverdue: window.body.tasks.openOverdue });
      }
      // June: done on time 14/6 and 17/6 (due Saturday), late 15/6; overdue at its end: carried over (15/3) and 28/6.
      expect(res.body[5]).toMatchObject({ doneOnTime: 2, doneLate: 1, openOverdue: 2 });
      const own = await t.http.get('/api/reports/trend').query({ year: 2024 }).set(auth(agencyUser)).expect(200);
      expect(own.body).toEqual(res.body);
      await t.http.get('/api/reports/trend').query({ year: 2024, agencyId: B.id }).set(auth(agencyUser)).expect(403);
      await t.http.get('/api/reports/trend').query({ year: 1999 }).set(auth(office)).expect(400);
      await t.http.get('/api/reports/trend').query({ year: 'x' }).set(auth(office)).expect(400);
    });

    it('should name the bad field of an impossible date', async () => {
      const res = await appendix(office, { from: '2024-02-30', to: '2024-06-30' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'from', message: 'Từ ngày: phải là ngày hợp lệ dạng YYYY-MM-DD, từ 01/01/2000 đến 31/12/2100' }]);
    });
  });

  describe('the seed report fixture (6 tháng đầu năm 2020)', () => {
    let runId: number;

    beforeAll(async () => {
      await f.loadReport2020H1();
    });

    it('should reproduce the seed\'s figures exactly', async () => {
      const { from, to } = REPORT_2020_H1_WINDOW;
      const res = await appendix(office, { from, to }).expect(200);
      expect(res.body.period).toEqual({ from, to, asOf: to });
      expect(res.body.programItems).toEqual(REPORT_2020_H1_EXPECTED.programItems);
      expect(res.body.tasks).toEqual(REPORT_2020_H1_EXPECTED.tasks);
      expect(res.body.overdue).toEqual([]);
      expect(res.body.byAgency.reduce((s: number, a: { done: number }) => s + a.done, 0)).toBe(42);
      const named = await appendix(office, { period: '2020-H1', window: 'calendar' }).expect(200);
      expect(named.body).toEqual(res.body);
    });

    it('should render the fixture into XLSX and DOCX with the seed\'s numbers', async () => {
      const { period, window, reportNumber, reportDate } = REPORT_2020_H1_WINDOW;
      const created = await t.http.post('/api/reports').set(auth(office)).send({ period, window, reportNumber, reportDate, formats: ['xlsx', 'docx'] }).expect(202);
      runId = created.body.id;
      const run = await waitForRun(runId);
      expect(run.status).toBe('done');
      expect(run.period).toEqual({ from: '2020-01-01', to: '2020-06-30', asOf: '2020-06-30', name: '2020-H1', window: 'calendar', label: '6 tháng đầu năm 2020' });

      const xlsx = await download(runId, 'xlsx').expect(200);
      const wb = await readXlsx(xlsx.body as Buffer);
      const p1 = wb.getWorksheet('Phụ lục I')!;
      expect(p1.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG');
      expect(p1.getCell('A4').value).toBe('(Kèm theo Báo cáo số 165/BC-UBND ngày 01/7/2020 của UBND tỉnh Bình Dương)');
      expect(p1.getCell('C7').value).toBe('Số đề án phải trình trong 6 tháng đầu năm 2020');
      expect(rowValues(p1, p1.rowCount, 10)).toEqual([null, 'Tổng cộng', 40, 3, 1, 42, 37, 33, 5, 0.881]);
      expect(rowValues(wb.getWorksheet('Phụ lục II')!, 10, 11)).toEqual([46, 0, 46, 42, 42, 0, 4, 4, 0, 0.913, 1]);
      expect(wb.getWorksheet('Phụ lục III')!.getCell('A8').value).toBe('Không có nhiệm vụ quá hạn.');

      const docx = await readDocx((await download(runId, 'docx').expect(200)).body as Buffer);
      expect(docx.tables[1].at(-1)).toEqual(['', 'Tổng cộng', '40', '3', '1', '42', '37', '33', '5', '88,1%']);
      expect(docx.paragraphs).toEqual(
        expect.arrayContaining([
          '- Tổng số nhiệm vụ giao: 46 nhiệm vụ (chuyển từ kỳ trước: 0; giao trong kỳ: 46);',
          '+ Số nhiệm vụ đã hoàn thành: 42, trong đó: đúng hạn: 42; quá hạn: 0;',
          '+ Số nhiệm vụ chưa hoàn thành: 04, trong đó: trong hạn: 04; quá hạn: 0;',
          '3. Thống kê chi tiết các nhiệm vụ chưa hoàn thành quá hạn: Không có.',
        ]),
      );
      // To look at them: REPORTS_KEEP_FILES=/some/dir npx jest test/e2e/reports
      const keep = process.env.REPORTS_KEEP_FILES;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        const dir = join(t.config.files.dir, 'reports', String(runId));
        for (const name of readdirSync(dir)) copyFileSync(join(dir, name), join(keep, name));
      }
    });
  });

  describe('POST /api/reports and the runs', () => {
    let runId: number;
    let built: Record<string, any>;
    let xlsxBytes: Buffer;

    beforeAll(async () => {
      const res = await t.http
        .post('/api/reports')
        .set(auth(office))
        .send({ from: '2024-04-01', to: '2024-06-30', agencyId: A.id, formats: ['xlsx', 'docx'], reportNumber: '88', reportDate: '2024-07-02' })
        .expect(202);
      expect(res.body).toEqual({ id: expect.any(Number), status: 'queued', url: `/api/reports/${res.body.id}` });
      runId = res.body.id;
      built = await waitForRun(runId);
    });

    it('should build the run in the queue and store the figures it rendered', async () => {
      expect(built).toMatchObject({
        id: runId,
        status: 'done',
        period: { from: '2024-04-01', to: '2024-06-30', asOf: '2024-06-30', name: null, window: null, label: 'Từ ngày 01/4/2024 đến ngày 30/6/2024' },
        agencyId: A.id,
        formats: ['xlsx', 'docx'],
        reportNumber: '88',
        reportDate: '2024-07-02',
        scheduled: false,
        error: null,
      });
      expect(built.files).toEqual([
        { format: 'xlsx', url: `/api/reports/${runId}/files/xlsx`, size: expect.any(Number), fileName: 'Phụ lục báo cáo 01.04.2024 - 30.06.2024.xlsx' },
        { format: 'docx', url: `/api/reports/${runId}/files/docx`, size: expect.any(Number), fileName: 'Phụ lục báo cáo 01.04.2024 - 30.06.2024.docx' },
      ]);
      const now = await appendix(office, { from: '2024-04-01', to: '2024-06-30', agencyId: A.id }).expect(200);
      expect(built.snapshot).toEqual(now.body);
    });

    it('should download the files with their content type and a Vietnamese name (RFC 5987)', async () => {
      const xlsx = await download(runId, 'xlsx').expect(200);
      expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
      expect(xlsx.headers['content-disposition']).toBe(
        `attachment; filename="Phu-luc-bao-cao-01.04.2024-30.06.2024.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20b%C3%A1o%20c%C3%A1o%2001.04.2024%20-%2030.06.2024.xlsx`,
      );
      xlsxBytes = xlsx.body as Buffer;
      expect(xlsxBytes.length).toBe(built.files[0].size);
      const wb = await readXlsx(xlsxBytes);
      expect(rowValues(wb.getWorksheet('Phụ lục II')!, 10, 11)).toEqual([10, 3, 7, 6, 4, 2, 4, 2, 2, 0.6, 0.75]);
      expect(rowValues(wb.getWorksheet('Phụ lục III')!, 8, 6)).toEqual([
        1,
        'Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ',
        expect.stringMatching(/^NV-01\. /),
        '15/3/2024',
        'Sở Thử nghiệm Báo cáo',
        'quá hạn 107 ngày',
      ]);
      expect(wb.getWorksheet('Phụ lục I')!.getCell('A4').value).toBe('(Kèm theo Báo cáo số 88/BC-UBND ngày 02/7/2024 của UBND tỉnh Bình Dương)');

      const docx = await download(runId, 'docx').expect(200);
      expect(docx.headers['content-type']).toBe(DOCX_TYPE);
      expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="Phu-luc-bao-cao-01\.04\.2024-30\.06\.2024\.docx"; filename\*=UTF-8''Ph%E1%BB%A5/);
      const doc = await readDocx(docx.body as Buffer);
      expect(doc.tables[3][3]).toEqual(['10', '3', '7', '6', '4', '2', '4', '2', '2', '60,0%', '75,0%']);
      expect(doc.tables[1].slice(3)).toEqual([
        ['1', 'Sở Thử nghiệm Báo cáo', '3', '2', '2', '3', '2', '1', '1', '66,7%'],
        ['', 'Tổng cộng', '3', '2', '2', '3', '2', '1', '1', '66,7%'],
      ]);
    });

    it('should keep the snapshot as built when tasks change later', async () => {
      await f.update(ids.openOverdue, { status: TaskStatus.Done, completedAt: '2024-06-29', progress: 100 });
      await f.task({ leadAgencyId: A.id, dueDate: '2024-05-20', status: TaskStatus.InProgress });
      const now = await appendix(office, { from: '2024-04-01', to: '2024-06-30', agencyId: A.id }).expect(200);
      expect(now.body.tasks).toMatchObject({ total: 11, done: 7, doneLate: 3, openOverdue: 2 });
      const again = await t.http.get(`/api/reports/${runId}`).set(auth(office)).expect(200);
      expect(again.body.snapshot).toEqual(built.snapshot);
      expect(again.body.snapshot.tasks).toMatchObject({ total: 10, done: 6, doneLate: 2, openOverdue: 2 });
      const xlsx = await download(runId, 'xlsx').expect(200);
      expect(Buffer.compare(xlsx.body as Buffer, xlsxBytes)).toBe(0);
      // Put the task back for the other tests.
      await f.update(ids.openOverdue, { status: TaskStatus.InProgress, completedAt: null, progress: 0 });
    });

    it('should list runs newest first, paged, without the snapshot', async () => {
      const res = await t.http.get('/api/reports').query({ page: 1, limit: 1 }).set(auth(leader)).expect(200);
      expect(res.body).toMatchObject({ total: expect.any(Number), page: 1, limit: 1 });
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].id).toBe(runId);
      expect(res.body.items[0].snapshot).toBeUndefined();
      const done = await t.http.get('/api/reports').query({ status: 'done' }).set(auth(office)).expect(200);
      expect(done.body.items.every((r: { status: string }) => r.status === 'done')).toBe(true);
      await t.http.get('/api/reports').query({ status: 'nope' }).set(auth(office)).expect(400);
    });

    it('should show an agency user only their agency\'s runs', async () => {
      const own = await t.http.get(`/api/reports/${runId}`).set(auth(agencyUser)).expect(200);
      expect(own.body.id).toBe(runId);
      await download(runId, 'xlsx', agencyUser).expect(200);
      const list = await t.http.get('/api/reports').set(auth(agencyUser)).expect(200);
      expect(list.body.items.map((r: { agencyId: number }) => r.agencyId)).toEqual(list.body.items.map(() => A.id));

      const other = await t.http.post('/api/reports').set(auth(office)).send({ period: '2024-Q2', agencyId: B.id, formats: ['xlsx'] }).expect(202);
      await waitForRun(other.body.id);
      const hidden = await t.http.get(`/api/reports/${other.body.id}`).set(auth(agencyUser)).expect(404);
      expect(hidden.body.message).toBe('Không tìm thấy báo cáo');
      await download(other.body.id, 'xlsx', agencyUser).expect(404);
      // A format the run was not built in.
      const missing = await download(other.body.id, 'docx').expect(404);
      expect(missing.body.message).toBe('Báo cáo này không có tệp định dạng docx');
    });

    it('should refuse downloads of an unknown format, an unfinished run and an unknown run', async () => {
      const bad = await download(runId, 'pdf').expect(400);
      expect(bad.body.message).toBe('Định dạng "pdf" không được hỗ trợ; chọn một trong: xlsx, docx');
      const repo = t.get(DataSource).getRepository(ReportRun);
      const pending = await repo.save(
        repo.create({ status: ReportRunStatus.Running, fromDate: '2024-04-01', toDate: '2024-06-30', asOf: '2024-06-30', periodName: null, window: null, programId: null, agencyId: null, formats: ['xlsx'], reportNumber: null, reportDate: null, snapshot: null, files: [], error: null, scheduled: false, requestedById: null, startedAt: null, finishedAt: null }),
      );
      const busy = await download(pending.id, 'xlsx').expect(409);
      expect(busy.body.message).toBe('Báo cáo đang được tạo; vui lòng thử lại sau ít phút');
      await repo.update({ id: pending.id }, { status: ReportRunStatus.Failed, error: 'boom' });
      const failed = await download(pending.id, 'xlsx').expect(409);
      expect(failed.body.message).toBe('Báo cáo tạo không thành công; không có tệp để tải về');
      await t.http.get('/api/reports/999999').set(auth(office)).expect(404);
      await t.http.get('/api/reports/abc').set(auth(office)).expect(400);
    });

    it('should mark a run that cannot be rendered as failed, with the error, after its last attempt', async () => {
      const repo = t.get(DataSource).getRepository(ReportRun);
      // A stored snapshot is reused as it is (computed once): a broken one makes the renderer throw.
      const broken = await repo.save(
        repo.create({ status: ReportRunStatus.Queued, fromDate: '2024-04-01', toDate: '2024-06-30', asOf: '2024-06-30', periodName: null, window: null, programId: null, agencyId: null, formats: ['xlsx'], reportNumber: null, reportDate: null, snapshot: { period: { from: '2024-04-01' } }, files: [], error: null, scheduled: false, requestedById: null, startedAt: null, finishedAt: null }),
      );
      const reports = t.get(ReportsService);
      await expect(reports.build(broken.id, { final: false })).rejects.toThrow();
      expect(await repo.findOneByOrFail({ id: broken.id })).toMatchObject({ status: ReportRunStatus.Queued, error: expect.any(String) });
      // The last attempt records the failure on the run and completes the job (the one failure policy).
      await expect(reports.build(broken.id)).resolves.toBe('failed');
      const res = await t.http.get(`/api/reports/${broken.id}`).set(auth(office)).expect(200);
      expect(res.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/undefined/), files: [], finishedAt: expect.any(String) });
      expect(await reports.build(999999)).toBe('skipped');
    });

    it('should document the routes in OpenAPI', async () => {
      const doc = await t.http.get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/api/reports/appendix', '/api/reports', '/api/reports/{id}', '/api/reports/{id}/files/{format}']),
      );
      expect(doc.body.paths['/api/reports'].post.requestBody.content['application/json'].examples.named.value).toMatchObject({ period: '2024-Q2' });
    });

    it.each([
      [{ from: '2024-04-01', to: '2024-06-30', formats: ['pdf'] }, 400],
      [{ from: '2024-04-01', to: '2024-06-30', formats: [] }, 400],
      [{ from: '2024-06-30', to: '2024-04-01' }, 400],
      [{ period: '2024-Q9' }, 400],
      [{ from: '2024-04-01', to: '2024-06-30', programId: 999999 }, 404],
      [{ from: '2024-04-01', to: '2024-06-30', reportDate: '2024-02-30' }, 400],
      [{ from: '2024-04-01', to: '2024-06-30', extra: true }, 400],
    ])('should refuse POST %j with %i and create nothing', async (body, status) => {
      const repo = t.get(DataSource).getRepository(ReportRun);
      const before = await repo.count();
      await t.http.post('/api/reports').set(auth(office)).send(body).expect(status);
      expect(await repo.count()).toBe(before);
    });

    it('should let office, leader and admin build reports, not agency users', async () => {
      const res = await t.http.post('/api/reports').set(auth(agencyUser)).send({ period: '2024-Q2' }).expect(403);
      expect(res.body.message).toBe('Bạn không có quyền thực hiện thao tác này');
      const byLeader = await t.http.post('/api/reports').set(auth(leader)).send({ period: '2024-06', agencyId: A.id, formats: ['docx'] }).expect(202);
      expect((await waitForRun(byLeader.body.id, leader)).status).toBe('done');
      await t.http.post('/api/reports').set(auth(admin)).send({ period: '2024', agencyId: A.id, formats: ['xlsx'] }).expect(202);
    });

    it('should store and show the first 100 rows of a long Phụ lục III, and write all of them into the files', async () => {
      const C = await f.agency({ code: 'RPT-LONG', name: 'Sở Nhiều việc quá hạn' });
      for (let i = 0; i < 105; i++) await f.task({ leadAgencyId: C.id, dueDate: i % 2 ? '2024-05-10' : '2024-06-03', status: TaskStatus.InProgress, title: `Nhiệm vụ quá hạn số ${i + 1}` });
      const res = await t.http.post('/api/reports').set(auth(office)).send({ from: '2024-04-01', to: '2024-06-30', agencyId: C.id, formats: ['xlsx', 'docx'] }).expect(202);
      const run = await waitForRun(res.body.id as number);
      expect(run.status).toBe('done');
      expect(run.snapshot.overdue).toHaveLength(100);
      expect(run.snapshot.overduePage).toEqual({ page: 1, limit: 100, total: 105 });
      const now = await appendix(office, { from: '2024-04-01', to: '2024-06-30', agencyId: C.id }).expect(200);
      expect(run.snapshot).toEqual(now.body);
      const row = await t.get(DataSource).getRepository(ReportRun).findOneByOrFail({ id: run.id as number });
      expect((row.snapshot as { overdue: unknown[] }).overdue).toHaveLength(100);

      const wb = await readXlsx((await download(run.id as number, 'xlsx').expect(200)).body as Buffer);
      const p3 = wb.getWorksheet('Phụ lục III')!;
      const first = 8; // six rows of heading, one of column names
      expect(Array.from({ length: 105 }, (_, i) => p3.getCell(first + i, 1).value)).toEqual(Array.from({ length: 105 }, (_, i) => i + 1));
      expect(p3.getCell(first + 105, 1).value).toBeNull();
      const docx = await readDocx((await download(run.id as number, 'docx').expect(200)).body as Buffer);
      const table = docx.tables.at(-1)!;
      expect(table.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 105 }, (_, i) => String(i + 1)));
      expect(new Set(table.slice(1).map((r) => r[2])).size).toBe(105);
      // The whole list was kept beside the run only while it was built.
      expect(readdirSync(join(t.config.files.dir, 'reports')).filter((n) => n.endsWith('.overdue.json'))).toEqual([]);
    });
  });

  describe('the files a run keeps while it is built (real queue, three attempts)', () => {
    let C: Agency;
    const reportsDir = () => join(t.config.files.dir, 'reports');
    const overdueFile = (id: number) => join(reportsDir(), `${id}.overdue.json`);
    const queue = () => t.get(JobProducer).queue(QueueName.Reports);

    /** Waits until the run's job is in `state` (a failed attempt waits in 'delayed' for its backoff). */
    async function jobIn(id: number, state: 'delayed' | 'completed'): Promise<void> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const job = await queue().getJob(`report-${id}`);
        if (job && (await job.getState()) === state) return;
        if (Date.now() > deadline) throw new Error(`job report-${id} not ${state} after 30 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    /** The backoff of a failed attempt (10 s, then 20 s) is not waited out: the job runs again now. */
    const retryNow = async (id: number) => (await queue().getJob(`report-${id}`))!.promote();
    const build = async () =>
      (await t.http.post('/api/reports').set(auth(office)).send({ from: '2024-04-01', to: '2024-06-30', agencyId: C.id, formats: ['docx'] }).expect(202)).body.id as number;

    beforeAll(async () => {
      // More overdue tasks than the run's row keeps (100): a retry needs the file for the whole Phụ lục III.
      C = await f.agency({ code: 'RPT-RETRY', name: 'Sở Thử tạo lại báo cáo' });
      for (let i = 0; i < 101; i++) await f.task({ leadAgencyId: C.id, dueDate: '2024-05-10', status: TaskStatus.InProgress, title: `Việc quá hạn ${i + 1}` });
    });
    afterEach(() => jest.restoreAllMocks());

    it('should keep the whole overdue list for the retries and render it all on the one that succeeds', async () => {
      jest.spyOn(t.get(DocumentTemplatesService), 'load').mockRejectedValueOnce(new Error('ổ đĩa tạm thời lỗi'));
      const id = await build();
      await jobIn(id, 'delayed');
      expect((await t.http.get(`/api/reports/${id}`).set(auth(office)).expect(200)).body).toMatchObject({ status: 'queued', error: 'ổ đĩa tạm thời lỗi' });
      expect(existsSync(overdueFile(id))).toBe(true);

      await retryNow(id);
      expect((await waitForRun(id)).status).toBe('done');
      const docx = await readDocx((await download(id, 'docx').expect(200)).body as Buffer);
      expect(docx.tables.at(-1)!.slice(1)).toHaveLength(101);
      expect(existsSync(overdueFile(id))).toBe(false);
    });

    it('should remove the overdue list and any half-written file when the last attempt fails', async () => {
      jest.spyOn(t.get(DocumentTemplatesService), 'load').mockRejectedValue(new Error('ổ đĩa hỏng'));
      const id = await build();
      for (const attempt of [1, 2]) {
        await jobIn(id, 'delayed');
        // Kept while a retry may still need it.
        expect(existsSync(overdueFile(id))).toBe(true);
        if (attempt === 2) writeFileSync(join(reportsDir(), String(id), 'half-written.docx'), 'PK');
        await retryNow(id);
      }
      const run = await waitForRun(id);
      expect(run).toMatchObject({ status: 'failed', error: 'ổ đĩa hỏng', files: [] });
      expect(existsSync(overdueFile(id))).toBe(false);
      expect(existsSync(join(reportsDir(), String(id)))).toBe(false);
    });

    it('should remove what a run left when it is deleted while its job waits for a retry', async () => {
      jest.spyOn(t.get(DocumentTemplatesService), 'load').mockRejectedValue(new Error('ổ đĩa hỏng'));
      const id = await build();
      await jobIn(id, 'delayed');
      expect(existsSync(overdueFile(id))).toBe(true);

      await t.get(DataSource).getRepository(ReportRun).delete({ id });
      await retryNow(id);
      await jobIn(id, 'completed');
      expect(existsSync(overdueFile(id))).toBe(false);
      expect(existsSync(join(reportsDir(), String(id)))).toBe(false);
    });

    it('should let the sweep job remove the overdue lists of finished and deleted runs, and keep those still building', async () => {
      const repo = t.get(DataSource).getRepository(ReportRun);
      const row = (status: ReportRunStatus) =>
        repo.save(repo.create({ status, fromDate: '2024-04-01', toDate: '2024-06-30', asOf: '2024-06-30', periodName: null, window: null, programId: null, agencyId: C.id, formats: ['docx'], reportNumber: null, reportDate: null, snapshot: null, files: [], error: null, scheduled: false, requestedById: null, startedAt: null, finishedAt: null }));
      // Left behind before this clean-up existed, or by a worker stopped between the run's last write and the removal.
      const failed = await row(ReportRunStatus.Failed);
      const done = await row(ReportRunStatus.Done);
      const running = await row(ReportRunStatus.Running);
      const deleted = 999_000 + failed.id;
      for (const id of [failed.id, done.id, running.id, deleted]) writeFileSync(overdueFile(id), '[]');

      const jobId = (await t.get(JobProducer).enqueue(JobName.SweepReportRuns, {}, { jobId: `sweep-test-${failed.id}` }))!;
      const deadline = Date.now() + 30_000;
      while ((await (await queue().getJob(jobId))?.getState()) !== 'completed') {
        if (Date.now() > deadline) throw new Error('the sweep job did not complete in 30 s');
        await new Promise((r) => setTimeout(r, 50));
      }

      expect([failed.id, done.id, running.id, deleted].map((id) => existsSync(overdueFile(id)))).toEqual([false, false, true, false]);
      await repo.update({ id: running.id }, { status: ReportRunStatus.Failed });
      rmSync(overdueFile(running.id));
    });
  });

  describe('scheduled reports', () => {
    let scheduler: ReportsService;

    beforeAll(() => {
      scheduler = t.get(ReportsService);
    });

    it('should build nothing on a day that is not the first working day after a window closes', async () => {
      expect(await scheduler.buildScheduledReports('2024-06-14')).toEqual([]); // the cut-off day itself
      expect(await scheduler.buildScheduledReports('2024-06-15')).toEqual([]); // a Saturday
      expect(await scheduler.buildScheduledReports('2024-06-13')).toEqual([]);
    });

    it('should build Q2 and H1 (cut-off 14/6) on Monday 17/6 and email them with both files', async () => {
      const results = await scheduler.buildScheduledReports('2024-06-17');
      expect(results).toEqual([
        { period: '2024-Q2', window: 'cutoff', runId: expect.any(Number), outcome: 'built' },
        { period: '2024-H1', window: 'cutoff', runId: expect.any(Number), outcome: 'built' },
      ]);
      const mails = await t.smtp!.waitFor(2);
      const subjects = mails.map((m) => m.parsed.subject).sort();
      expect(subjects).toEqual(['[Báo cáo định kỳ] Phụ lục báo cáo 6 tháng đầu năm 2024', '[Báo cáo định kỳ] Phụ lục báo cáo Quý II năm 2024']);
      for (const m of mails) {
        expect(m.envelopeTo).toEqual(expect.arrayContaining([t.config.mail.officeEmail, leaderEmail.toLowerCase()]));
        expect(m.parsed.attachments.map((a) => a.contentType).sort()).toEqual([XLSX_TYPE, DOCX_TYPE]);
        expect(m.parsed.text).toContain('Tóm tắt:');
      }
      const q2 = mails.find((m) => m.parsed.subject!.includes('Quý II'))!;
      expect(q2.parsed.attachments.map((a) => a.filename).sort()).toEqual(['Phụ lục báo cáo Quý II năm 2024.docx', 'Phụ lục báo cáo Quý II năm 2024.xlsx']);
      const wb = await readXlsx(q2.parsed.attachments.find((a) => a.contentType === XLSX_TYPE)!.content);
      expect(wb.getWorksheet('Phụ lục I')!.getCell('A4').value).toBe('(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND tỉnh Bình Dương)');

      const run = await waitForRun(results[0].runId);
      expect(run).toMatchObject({ status: 'done', scheduled: true, period: { from: '2024-03-15', to: '2024-06-14', asOf: '2024-06-14', name: '2024-Q2', window: 'cutoff' } });

      // The mail log records both, sent, with their attachments.
      const log = t.get(DataSource).getRepository(MailMessage);
      const deadline = Date.now() + 10_000;
      let sent: MailMessage[] = [];
      while (Date.now() < deadline) {
        sent = await log.findBy({ kind: MailKind.Report, status: MailStatus.Sent });
        if (sent.length === 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(sent).toHaveLength(2);
      expect(sent.every((m) => m.attachments.length === 2)).toBe(true);
    });

    it('should not build or send the same period twice', async () => {
      const again = await scheduler.buildScheduledReports('2024-06-17');
      expect(again.map((r) => r.outcome)).toEqual(['exists', 'exists']);
      // Later days of the catch-up window find them too.
      expect((await scheduler.buildScheduledReports('2024-06-18')).map((r) => r.outcome)).toEqual(['exists', 'exists']);
      const runs = await t.get(DataSource).getRepository(ReportRun).countBy({ scheduled: true });
      expect(runs).toBe(2);
      expect(await t.get(DataSource).getRepository(MailMessage).countBy({ kind: MailKind.Report })).toBe(2);
    });

    it('should wait for the first working day after the window closes', async () => {
      // Cut-off 2025-Q1 ends Friday 14/3/2025 → Monday 17/3.
      expect(await scheduler.duePeriods('2025-03-17')).toEqual([expect.objectContaining({ name: '2025-Q1', from: '2024-12-15', to: '2025-03-14' })]);
      // Cut-off 2024 year and H2 and Q4 end Saturday 14/12/2024 → Monday 16/12.
      expect((await scheduler.duePeriods('2024-12-16')).map((p) => p.name)).toEqual(['2024-Q4', '2024-H2', '2024']);
      expect(await scheduler.duePeriods('2024-12-14')).toEqual([]);
    });

    it('should never write the tasks table', async () => {
      const before = await t.get(DataSource).getRepository(Task).count({ where: { kind: TaskKind.Task } });
      await appendix(office, { period: '2024' }).expect(200);
      expect(await t.get(DataSource).getRepository(Task).count({ where: { kind: TaskKind.Task } })).toBe(before);
    });
  });
});

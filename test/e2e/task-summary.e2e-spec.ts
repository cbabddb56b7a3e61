import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { TaskResponseDto } from 'src/modules/tasks/dto/task-response.dto';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { createProgram } from 'test/fixtures/programs.fixture';
import { bearer, createTask, patchCurrent } from 'test/fixtures/tasks.fixture';
import { signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

jest.setTimeout(180_000);

const AS_OF = '2024-06-20';
const OPEN = ['new', 'in_progress', 'submitted'];

/** GET /api/tasks/summary (the tabs' counts in one call) and the coordinatingAgencyId filter of GET /api/tasks. */
describe('task summary and the coordinating filter (e2e)', () => {
  let t: TestApp;
  let office: string;
  let agency: string;
  let stc: AgencyResponseDto;
  let syt: AgencyResponseDto;
  let sxd: AgencyResponseDto;
  const made: TaskResponseDto[] = [];

  const list = (token: string, query: Record<string, unknown>) => t.http.get('/api/tasks').query({ asOf: AS_OF, ...query }).set(bearer(token));
  const summary = (token: string, query: Record<string, unknown>) =>
    t.http.get('/api/tasks/summary').query({ asOf: AS_OF, ...query }).set(bearer(token));
  const totalOf = async (token: string, query: Record<string, unknown>) => (await list(token, { ...query, limit: 1 }).expect(200)).body.total as number;
  const idsOf = async (token: string, query: Record<string, unknown>) =>
    ((await list(token, { ...query, limit: 500 }).expect(200)).body.items as TaskResponseDto[]).map((x) => x.id);

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    const admin = await t.login();
    stc = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
    syt = await createAgency(t, admin, { code: 'SYT', name: 'Sở Y tế' });
    sxd = await createAgency(t, admin, { code: 'SXD', name: 'Sở Xây dựng' });
    const sessions = await signInEveryRole(t, stc.id);
    office = sessions[UserRole.Office].token;
    agency = sessions[UserRole.Agency].token;
    const specs = [
      { leadAgencyId: stc.id, title: 'Báo cáo thu ngân sách quý I', dueDate: '2024-03-29' }, // overdue
      { leadAgencyId: stc.id, title: 'Dự toán bổ sung', dueDate: '2024-06-25' }, // due soon
      { leadAgencyId: stc.id, title: 'Cân đối vốn đầu tư công', dueDate: '2024-12-31' }, // in progress, in time
      { leadAgencyId: stc.id, title: 'Quyết toán năm 2023', dueDate: '2024-05-10' }, // done
      { leadAgencyId: syt.id, title: 'Đề án y tế cơ sở', dueDate: '2024-02-20', coordinatingAgencyIds: [stc.id] }, // STC coordinates, overdue
      { leadAgencyId: syt.id, title: 'Kế hoạch tiêm chủng', dueDate: '2024-06-24', coordinatingAgencyIds: [stc.id, sxd.id] }, // due soon
      { leadAgencyId: sxd.id, title: 'Quy hoạch đô thị', dueDate: '2024-04-01', coordinatingAgencyIds: [syt.id] }, // STC not involved
      { leadAgencyId: syt.id, title: 'Chương trình dài hạn', dueDate: '2099-12-31' },
    ];
    for (const s of specs) made.push(await createTask(t, office, s));
    await patchCurrent(t, office, made[2].id, { status: 'in_progress' }, 200);
    await patchCurrent(t, office, made[3].id, { status: 'done', completedAt: '2024-05-09' }, 200);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/tasks?coordinatingAgencyId=', () => {
    it('should list the tasks the agency coordinates, with the other filters and paging', async () => {
      expect(await idsOf(office, { coordinatingAgencyId: stc.id })).toEqual([made[4].id, made[5].id]);
      expect(await idsOf(office, { coordinatingAgencyId: sxd.id })).toEqual([made[5].id]);
      expect(await idsOf(office, { coordinatingAgencyId: stc.id, timeliness: 'overdue' })).toEqual([made[4].id]);
      expect(await idsOf(office, { coordinatingAgencyId: stc.id, sort: '-dueDate' })).toEqual([made[5].id, made[4].id]);
      const second = await list(office, { coordinatingAgencyId: stc.id, limit: 1, page: 2 }).expect(200);
      expect(second.body).toMatchObject({ total: 2, page: 2, limit: 1 });
      expect(second.body.items.map((x: TaskResponseDto) => x.id)).toEqual([made[5].id]);
      // The coordinating agencies come with each item, as on every list.
      const [first] = (await list(office, { coordinatingAgencyId: sxd.id }).expect(200)).body.items as TaskResponseDto[];
      expect(first.coordinatingAgencies.map((a) => a.code)).toEqual(['STC', 'SXD']);
      expect(first.leadAgency).toEqual({ id: syt.id, code: 'SYT', name: 'Sở Y tế' });
    });

    it('should keep an agency user to the tasks its agency leads or coordinates', async () => {
      expect(await idsOf(agency, { coordinatingAgencyId: stc.id })).toEqual([made[4].id, made[5].id]);
      // SYT coordinates task 7, which STC neither leads nor coordinates.
      expect(await idsOf(office, { coordinatingAgencyId: syt.id })).toEqual([made[6].id]);
      expect(await idsOf(agency, { coordinatingAgencyId: syt.id })).toEqual([]);
    });

    it.each([['abc'], ['0'], ['-1'], ['1.5'], ['2147483648'], ['']])('should refuse coordinatingAgencyId=%j with a Vietnamese 400', async (bad) => {
      const res = await t.http.get('/api/tasks').query(`coordinatingAgencyId=${encodeURIComponent(bad)}`).set(bearer(office));
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Dữ liệu không hợp lệ');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('coordinatingAgencyId');
      expect(JSON.stringify(res.body.details)).toContain('Cơ quan phối hợp');
    });
  });

  describe('GET /api/tasks/summary', () => {
    /** Each figure of the summary is the total of the list it stands for. */
    async function expectListsAgree(token: string, query: Record<string, unknown>) {
      const s = (await summary(token, query).expect(200)).body as Record<string, number | null>;
      const { agencyId, ...others } = query;
      expect(s).toEqual({
        total: await totalOf(token, query),
        overdue: await totalOf(token, { ...query, timeliness: 'overdue' }),
        dueSoon: await totalOf(token, { ...query, timeliness: 'due_soon' }),
        open: await totalOf(token, { ...query, status: OPEN }),
        done: await totalOf(token, { ...query, status: ['done'] }),
        coordinating: agencyId ? await totalOf(token, { ...others, coordinatingAgencyId: agencyId }) : null,
      });
      return s;
    }

    it('should count an agency\'s tabs in one call, equal to the lists behind them', async () => {
      const s = await expectListsAgree(office, { agencyId: stc.id });
      expect(s).toEqual({ total: 4, overdue: 1, dueSoon: 1, open: 3, done: 1, coordinating: 2 });
      expect(await expectListsAgree(office, { agencyId: syt.id })).toEqual({ total: 3, overdue: 1, dueSoon: 1, open: 3, done: 0, coordinating: 1 });
      expect(await expectListsAgree(office, { agencyId: sxd.id, q: 'tiem chung' })).toMatchObject({ total: 0, coordinating: 1 });
    });

    it('should count the whole list without agencyId (coordinating null) and with the other filters', async () => {
      expect(await expectListsAgree(office, {})).toEqual({ total: 8, overdue: 3, dueSoon: 2, open: 7, done: 1, coordinating: null });
      await expectListsAgree(office, { dueFrom: '2024-03-01', dueTo: '2024-06-30' });
      await expectListsAgree(office, { involvingAgencyId: stc.id });
      await expectListsAgree(office, { programId: 999, q: 'ke hoach' });
      // The day the figures are judged on moves them as it moves the lists.
      expect((await summary(office, { asOf: '2024-01-01' }).expect(200)).body).toMatchObject({ overdue: 0, dueSoon: 0, done: 1 });
    });

    it('should count for an agency user only what it may see, as the list does', async () => {
      expect(await expectListsAgree(agency, {})).toEqual({ total: 6, overdue: 2, dueSoon: 2, open: 5, done: 1, coordinating: null });
      expect(await expectListsAgree(agency, { agencyId: stc.id })).toEqual({ total: 4, overdue: 1, dueSoon: 1, open: 3, done: 1, coordinating: 2 });
      // Another agency's figures hold only the tasks STC shares with it.
      expect(await expectListsAgree(agency, { agencyId: syt.id })).toEqual({ total: 2, overdue: 1, dueSoon: 1, open: 2, done: 0, coordinating: 0 });
    });

    it('should treat a hostile search as text', async () => {
      expect((await summary(office, { q: "%' OR 1=1 --" }).expect(200)).body).toEqual({ total: 0, overdue: 0, dueSoon: 0, open: 0, done: 0, coordinating: null });
    });

    it.each([
      ['page=2', 'page'],
      ['limit=1', 'limit'],
      ['sort=dueDate', 'sort'],
      ['timeliness=sometime', 'timeliness'],
      ['agencyId=abc', 'agencyId'],
      ['coordinatingAgencyId=0', 'coordinatingAgencyId'],
      ['status=finished', 'status'],
      ['asOf=2024-02-30', 'asOf'],
      [`q=${'a'.repeat(201)}`, 'q'],
    ])('should refuse %s with a Vietnamese 400', async (query, field) => {
      const res = await t.http.get(`/api/tasks/summary?${query}`).set(bearer(office));
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Dữ liệu không hợp lệ');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('should refuse a due range that ends before it starts', async () => {
      const res = await summary(office, { dueFrom: '2024-06-30', dueTo: '2024-06-01' }).expect(400);
      expect(res.body.message).toBe('Không được trước ngày bắt đầu của khoảng thời hạn (30/06/2024)');
      expect(res.body.details).toEqual([{ field: 'dueTo', message: 'Thời hạn đến ngày: không được trước ngày bắt đầu của khoảng thời hạn (30/06/2024)' }]);
    });

    it('should need a signed-in user', async () => {
      await t.http.get('/api/tasks/summary').expect(401);
    });
  });

  describe('totals of the list pages', () => {
    it('should give the same total on a short last page and past the end', async () => {
      for (const page of [1, 2, 3]) {
        const res = await list(office, { agencyId: stc.id, limit: 3, page }).expect(200);
        expect(res.body).toMatchObject({ total: 4, page, limit: 3 });
        expect(res.body.items).toHaveLength([3, 1, 0][page - 1]);
      }
      expect((await list(office, { agencyId: sxd.id, coordinatingAgencyId: stc.id }).expect(200)).body).toMatchObject({ items: [], total: 0 });
    });

    /** A full page's total (limit 1: the count is asked) equals the number of items the list holds. */
    async function expectTotalExact(token: string, query: Record<string, unknown>) {
      expect({ query, total: await totalOf(token, query) }).toEqual({ query, total: (await idsOf(token, query)).length });
    }

    it('should give an agency\'s lists by state their exact totals, as of days before and after a task was done', async () => {
      // made[3] was done on 09/05/2024: open as of the 8th (counted from the done rows' index), done as of the 9th.
      for (const asOf of [AS_OF, '2024-05-09', '2024-05-08', '2024-03-01', '2024-01-01']) {
        for (const timeliness of [undefined, 'overdue', 'due_soon', 'in_time', 'not_done', 'not_overdue', 'done', 'on_time', 'late']) {
          await expectTotalExact(agency, { asOf, timeliness });
          await expectTotalExact(office, { asOf, timeliness, involvingAgencyId: syt.id });
        }
      }
      expect(await totalOf(agency, { asOf: '2024-05-08', timeliness: 'not_done' })).toBe(6);
      expect(await totalOf(agency, { asOf: '2024-05-09', timeliness: 'not_done' })).toBe(5);
    });

    it('should give a program\'s list and the whole list their exact totals after creations and moves through the API', async () => {
      const [p1, p2] = [await createProgram(t, office), await createProgram(t, office)];
      const expectAll = async () => {
        for (const query of [{ programId: p1.id }, { programId: p2.id }, {}, { sort: '-dueDate' }]) await expectTotalExact(office, query);
      };
      const inP1 = [];
      for (const title of ['Kế hoạch chuyển đổi số', 'Báo cáo cải cách hành chính', 'Đề án nông thôn mới'])
        inP1.push(await createTask(t, office, { leadAgencyId: syt.id, title, dueDate: '2024-09-30', programId: p1.id }));
      await expectAll();
      expect(await totalOf(office, { programId: p1.id })).toBe(3);
      await patchCurrent(t, office, inP1[0].id, { programId: p2.id }, 200);
      await expectAll();
      await t.http.post('/api/tasks/bulk').set(bearer(office)).send({ action: 'moveProgram', taskIds: [inP1[1].id, inP1[2].id], programId: p2.id }).expect(200);
      await expectAll();
      expect([await totalOf(office, { programId: p1.id }), await totalOf(office, { programId: p2.id })]).toEqual([0, 3]);
      // An agency user's program list counts only what it may see.
      await expectTotalExact(agency, { programId: p2.id });
      expect(await totalOf(agency, { programId: p2.id })).toBe(0);
    });
  });
});

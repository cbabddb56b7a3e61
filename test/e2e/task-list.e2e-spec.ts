import { DataSource } from 'typeorm';
import { insertRows } from 'src/core/database/insert-rows';
import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { SavedView } from 'src/modules/saved-views/saved-view.entity';
import { TaskResponseDto } from 'src/modules/tasks/dto/task-response.dto';
import { TaskHistory } from 'src/modules/tasks/task-history.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask, taskRow } from 'test/fixtures/tasks.fixture';
import { signInEveryRole } from 'test/fixtures/users.fixture';
import { binaryBody } from 'test/utils/binary-body';
import { TestApp } from 'test/utils/create-test-app';
import { readXlsx } from 'test/utils/office-read-back';

jest.setTimeout(180_000);

/** The office's task list: filters, sort, saved views, the XLSX export and bulk actions. */
describe('task list for the office (e2e)', () => {
  let t: TestApp;
  let office: string;
  let agency: string;
  let stc: AgencyResponseDto;
  let syt: AgencyResponseDto;
  const made: TaskResponseDto[] = [];

  const list = (token: string, query: Record<string, unknown>) => t.http.get('/api/tasks').query(query).set(bearer(token));
  const exportXlsx = (token: string, query: Record<string, unknown>) =>
    t.http.get('/api/tasks/export').query(query).set(bearer(token)).buffer(true).parse(binaryBody as never);

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    const admin = await t.login();
    stc = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
    syt = await createAgency(t, admin, { code: 'SYT', name: 'Sở Y tế' });
    const sessions = await signInEveryRole(t, stc.id);
    office = sessions[UserRole.Office].token;
    agency = sessions[UserRole.Agency].token;
    const specs = [
      { leadAgencyId: stc.id, title: 'Báo cáo thu ngân sách quý II', dueDate: '2024-03-29', leaderInCharge: 'Phó Chủ tịch Trần Văn Bình', sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ', origin: TaskOrigin.Initial },
      { leadAgencyId: stc.id, title: 'Apply dự toán bổ sung', dueDate: '2024-04-15', leaderInCharge: 'Chủ tịch Nguyễn Văn An' },
      { leadAgencyId: stc.id, title: 'Cân đối vốn đầu tư công', dueDate: '2024-05-10', kind: TaskKind.Proposal, sourceDocument: 'Thông báo số 45/TB-UBND ngày 10/01/2024' },
      { leadAgencyId: syt.id, title: 'Đề án y tế cơ sở', dueDate: '2024-02-20', coordinatingAgencyIds: [stc.id], leaderInCharge: 'Phó Chủ tịch Trần Văn Bình' },
      { leadAgencyId: syt.id, title: 'Kế hoạch tiêm chủng mở rộng', dueDate: '2099-12-31' },
    ];
    for (const s of specs) made.push(await createTask(t, office, s));
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('filters and sort', () => {
    it('should filter by kind, origin, leader in charge and source document', async () => {
      const proposals = await list(office, { kind: 'proposal' }).expect(200);
      expect(proposals.body.items.map((x: TaskResponseDto) => x.id)).toEqual([made[2].id]);
      const initial = await list(office, { origin: 'initial' }).expect(200);
      expect(initial.body.items.map((x: TaskResponseDto) => x.id)).toEqual([made[0].id]);
      const leader = await list(office, { leaderInCharge: 'Trần Văn Bình' }).expect(200);
      expect(leader.body.items.map((x: TaskResponseDto) => x.id)).toEqual([made[3].id, made[0].id]);
      const source = await list(office, { sourceDocument: '45/TB-UBND' }).expect(200);
      expect(source.body.items.map((x: TaskResponseDto) => x.id)).toEqual([made[2].id]);
      // Lead or coordinating agency, overdue as of a day, in a due-date range.
      const involving = await list(office, { involvingAgencyId: stc.id, timeliness: 'overdue', asOf: '2024-04-30', dueFrom: '2024-02-01', dueTo: '2024-04-30' }).expect(200);
      expect(involving.body.items.map((x: TaskResponseDto) => x.id)).toEqual([made[3].id, made[0].id, made[1].id]);
    });

    it('should list the leaders in charge named on tasks, for the view per leader', async () => {
      const res = await t.http.get('/api/tasks/leaders').set(bearer(office)).expect(200);
      expect(res.body).toEqual({ items: ['Chủ tịch Nguyễn Văn An', 'Phó Chủ tịch Trần Văn Bình'], total: 2, page: 1, limit: 50 });
      const second = await t.http.get('/api/tasks/leaders').query({ page: 2, limit: 1 }).set(bearer(office)).expect(200);
      expect(second.body).toEqual({ items: ['Phó Chủ tịch Trần Văn Bình'], total: 2, page: 2, limit: 1 });
      await t.http.get('/api/tasks/leaders').query({ limit: 501 }).set(bearer(office)).expect(400);
      await t.http.get('/api/tasks/leaders').set(bearer(agency)).expect(403);
    });

    it('should sort on each column both ways', async () => {
      const titles = async (sort: string) => (await list(office, { sort }).expect(200)).body.items.map((x: TaskResponseDto) => x.id);
      expect(await titles('-dueDate')).toEqual([made[4].id, made[2].id, made[1].id, made[0].id, made[3].id]);
      const byAgency = await titles('leadAgency');
      expect(byAgency.slice(0, 3).sort()).toEqual([made[0].id, made[1].id, made[2].id].sort());
      expect((await titles('-leadAgency')).slice(0, 2).sort()).toEqual([made[3].id, made[4].id].sort());
      expect(await titles('title')).toHaveLength(5);
      await list(office, { sort: 'colour' }).expect(400);
    });
  });

  describe('saved views', () => {
    it('should save a view per user, list it and delete it', async () => {
      const saved = await t.http.post('/api/saved-views').set(bearer(office)).send({ name: 'Quá hạn của Sở Tài chính', page: 'tasks', query: { agencyId: stc.id, timeliness: 'overdue', sort: '-dueDate' } }).expect(201);
      expect(saved.body).toMatchObject({ id: expect.any(Number), name: 'Quá hạn của Sở Tài chính', page: 'tasks', query: { agencyId: stc.id, timeliness: 'overdue', sort: '-dueDate' } });
      const listed = await t.http.get('/api/saved-views').query({ screen: 'tasks' }).set(bearer(office)).expect(200);
      expect(listed.body).toMatchObject({ total: 1, page: 1, limit: 50 });
      expect(listed.body.items.map((v: { id: number }) => v.id)).toEqual([saved.body.id]);
      await t.http.get('/api/saved-views').query({ screen: 'colour' }).set(bearer(office)).expect(400);
      await t.http.get('/api/saved-views').query({ page: 'tasks' }).set(bearer(office)).expect(400);
      // Another user neither sees nor deletes it.
      expect((await t.http.get('/api/saved-views').set(bearer(agency)).expect(200)).body).toEqual({ items: [], total: 0, page: 1, limit: 50 });
      await t.http.delete(`/api/saved-views/${saved.body.id}`).set(bearer(agency)).expect(404);
      const again = await t.http.post('/api/saved-views').set(bearer(office)).send({ name: 'Quá hạn của Sở Tài chính', page: 'tasks', query: {} }).expect(409);
      expect(again.body.message).toBe('Đã có bộ lọc tên "Quá hạn của Sở Tài chính"');
      await t.http.delete(`/api/saved-views/${saved.body.id}`).set(bearer(office)).expect(204);
      expect((await t.http.get('/api/saved-views').set(bearer(office)).expect(200)).body.items).toEqual([]);
    });

    it.each([
      [{ colour: 'red' }, 'query.colour', 'Bộ lọc không hợp lệ: bộ lọc "colour" không được hỗ trợ'],
      [{ page: 2 }, 'query.page', 'Bộ lọc không hợp lệ: bộ lọc "page" không được hỗ trợ'],
      [{ timeliness: 'late-ish' }, 'query.timeliness', 'Bộ lọc không hợp lệ: giá trị không hợp lệ'],
      [{ agencyId: 'abc' }, 'query.agencyId', 'Bộ lọc không hợp lệ: giá trị không hợp lệ'],
    ])('should refuse a view with %j and save nothing', async (bad, field, message) => {
      const before = await t.get(DataSource).getRepository(SavedView).count();
      const res = await t.http.post('/api/saved-views').set(bearer(office)).send({ name: 'Lỗi', page: 'tasks', query: bad });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await t.get(DataSource).getRepository(SavedView).count()).toBe(before);
    });

    it('should refuse a view without a name, of an unknown page or with a non-object query', async () => {
      for (const body of [{ page: 'tasks', query: {} }, { name: ' ', page: 'tasks', query: {} }, { name: 'X', page: 'users', query: {} }, { name: 'X', page: 'tasks', query: 'agencyId=1' }]) {
        await t.http.post('/api/saved-views').set(bearer(office)).send(body).expect(400);
      }
    });
  });

  describe('XLSX export', () => {
    it('should export exactly the filtered, sorted list', async () => {
      const query = { involvingAgencyId: stc.id, sort: '-dueDate', asOf: '2024-04-30' };
      const shown = (await list(office, { ...query, limit: 200 }).expect(200)).body.items as TaskResponseDto[];
      const res = await exportXlsx(office, query).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Danh-sach-nhiem-vu-30\.04\.2024\.xlsx"/);
      const ws = (await readXlsx(res.body as Buffer)).worksheets[0];
      expect(ws.getCell('A1').value).toBe('Danh sách nhiệm vụ (tình trạng tính đến ngày 30/04/2024)');
      expect(ws.getRow(2).getCell(3).value).toBe('Nội dung nhiệm vụ');
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => {
        if (n > 2) rows.push([row.getCell(1).value, row.getCell(3).value, row.getCell(5).value, row.getCell(12).value]);
      });
      expect(rows).toEqual(shown.map((x, i) => [i + 1, x.title, x.leadAgency.name, (x.timeliness as string) === 'overdue' ? 'Quá hạn' : expect.any(String)]));
      expect(rows.length).toBe(4);
    });

    it('should export only what an agency user may see', async () => {
      const res = await exportXlsx(agency, {}).expect(200);
      const ws = (await readXlsx(res.body as Buffer)).worksheets[0];
      expect(ws.rowCount - 2).toBe(4); // its three and the one it coordinates
    });

    it('should refuse a list over 100,000 rows with a clear message, writing nothing', async () => {
      const ds = t.get(DataSource);
      const rows = Array.from({ length: 100_001 }, (_, i) => ({
        programId: null, code: null, title: `Nhiệm vụ số lượng lớn ${i}`, description: null, kind: TaskKind.Task,
        sourceDocument: 'Văn bản kiểm thử xuất dữ liệu lớn', outputForm: null, submitTo: null, leaderInCharge: null,
        leadAgencyId: syt.id, assignedAt: '2024-01-02', dueDate: '2024-06-28', effectiveDueDate: '2024-06-28', dueText: null,
        origin: TaskOrigin.Added, status: TaskStatus.New, progress: 0, completedAt: null, submittedAt: null, resultDocument: null,
        note: null, searchText: `nhiem vu so luong lon ${i}`, createdById: null, version: 1,
      }));
      await ds.transaction((m) => insertRows(m, Task, rows, 500));
      const res = await exportXlsx(office, { sourceDocument: 'kiểm thử xuất dữ liệu lớn' }).expect(400);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.message).toBe(
        'Danh sách có 100.001 nhiệm vụ, vượt quá giới hạn 100.000 dòng của một tệp xuất; hãy lọc bớt (theo cơ quan, chương trình, trạng thái hoặc thời hạn) rồi xuất lại',
      );
      // Filtered further, the same tasks export.
      const ok = await exportXlsx(office, { sourceDocument: 'kiểm thử xuất dữ liệu lớn', q: 'số lượng lớn 99999' }).expect(200);
      const ws = (await readXlsx(ok.body as Buffer)).worksheets[0];
      expect(ws.getRow(3).getCell(3).value).toBe('Nhiệm vụ số lượng lớn 99999');
      await ds.getRepository(Task).delete({ sourceDocument: 'Văn bản kiểm thử xuất dữ liệu lớn' });
    });
  });

  describe('bulk actions', () => {
    const bulk = (token: string, body: Record<string, unknown>) => t.http.post('/api/tasks/bulk').set(bearer(token)).send(body);

    it('should extend the selected tasks with the reason kept in each history', async () => {
      const ids = [made[0].id, made[1].id];
      const res = await bulk(office, { action: 'extend', taskIds: ids, dueDate: '2024-09-30', reason: 'Gia hạn theo Thông báo số 45/TB-UBND' }).expect(200);
      expect(res.body).toEqual({ action: 'extend', changed: 2, unchanged: 0 });
      for (const id of ids) {
        expect(await taskRow(t, id)).toMatchObject({ dueDate: '2024-09-30', effectiveDueDate: '2024-09-30' });
        const history = await t.get(DataSource).getRepository(TaskHistory).find({ where: { taskId: id, field: 'dueDate' } });
        expect(history.map((h) => [h.toValue, h.comment])).toEqual([['2024-09-30', 'Gia hạn theo Thông báo số 45/TB-UBND']]);
      }
    });

    it('should set the leader in charge and move tasks to another program', async () => {
      const program = await t.http.post('/api/programs').set(bearer(office)).send({ code: 'CTCT-2024-BULK', title: 'Chương trình công tác năm 2024', year: 2024, period: 'year' }).expect(201);
      await bulk(office, { action: 'setLeader', taskIds: [made[1].id, made[2].id], leaderInCharge: 'Phó Chủ tịch Lê Thị Cúc' }).expect(200);
      await bulk(office, { action: 'moveProgram', taskIds: [made[1].id, made[2].id], programId: program.body.id }).expect(200);
      for (const id of [made[1].id, made[2].id]) expect(await taskRow(t, id)).toMatchObject({ leaderInCharge: 'Phó Chủ tịch Lê Thị Cúc', programId: program.body.id });
    });

    it('should refuse, changing nothing, when any task is another agency\'s', async () => {
      const before = await Promise.all(made.map((m) => taskRow(t, m.id)));
      const res = await bulk(agency, { action: 'extend', taskIds: [made[1].id, made[4].id], dueDate: '2024-12-31', reason: 'x' }).expect(403);
      expect(res.body.message).toMatch(/^Bạn không được thay đổi 2 nhiệm vụ trong các nhiệm vụ đã chọn; không nhiệm vụ nào được thay đổi$/);
      expect(await Promise.all(made.map((m) => taskRow(t, m.id)))).toEqual(before);
    });

    it('should refuse, changing nothing, when one change breaks a rule', async () => {
      const before = await Promise.all(made.map((m) => taskRow(t, m.id)));
      // 2024-01-01 is before the tasks were given (2024-01-15).
      const res = await bulk(office, { action: 'extend', taskIds: [made[0].id, made[3].id], dueDate: '2024-01-01', reason: 'Thử' }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['taskIds.0', 'taskIds.1']);
      expect(res.body.message).toBe('Có nhiệm vụ không thực hiện được thao tác này; không nhiệm vụ nào được thay đổi');
      expect(await Promise.all(made.map((m) => taskRow(t, m.id)))).toEqual(before);
    });

    it.each([
      [{ action: 'extend', taskIds: [1], dueDate: '2024-09-30' }, 'reason'],
      [{ action: 'extend', taskIds: [1], dueDate: '2024-02-30', reason: 'x' }, 'dueDate'],
      [{ action: 'extend', taskIds: [], dueDate: '2024-09-30', reason: 'x' }, 'taskIds'],
      [{ action: 'explode', taskIds: [1] }, 'action'],
      [{ action: 'moveProgram', taskIds: [1] }, 'programId'],
      [{ action: 'setLeader', taskIds: Array.from({ length: 501 }, (_, i) => i + 1), leaderInCharge: 'x' }, 'taskIds'],
      [{ action: 'setLeader', taskIds: ['1 OR 1=1'], leaderInCharge: 'x' }, 'taskIds'],
    ])('should refuse %j naming %s', async (body, field) => {
      const res = await bulk(office, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(field);
    });
  });
});

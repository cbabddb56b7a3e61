import { DataSource } from 'typeorm';
import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { ProgramResponseDto } from 'src/modules/programs/dto/program-response.dto';
import { TaskHistoryResponseDto } from 'src/modules/tasks/dto/task-history-response.dto';
import { TaskResponseDto } from 'src/modules/tasks/dto/task-response.dto';
import { TaskHistoryAction } from 'src/modules/tasks/task-history.entity';
import { TaskKind, TaskOrigin, TaskStatus, Timeliness } from 'src/modules/tasks/task.enums';
import { TasksService } from 'src/modules/tasks/tasks.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { createProgram } from 'test/fixtures/programs.fixture';
import {
  appToday,
  bearer,
  createTask,
  historyRows,
  patchCurrent,
  taskRow,
  taskTableCounts,
} from 'test/fixtures/tasks.fixture';
import { RoleSession, signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

type Page = { items: TaskResponseDto[]; total: number; page: number; limit: number };

describe('tasks (e2e)', () => {
  let t: TestApp;
  let office: string;
  let agencyUser: string;
  let sessions: Record<UserRole, RoleSession>;
  let stc: AgencyResponseDto;
  let syt: AgencyResponseDto;
  let sxd: AgencyResponseDto;

  const list = async (query: string, token = office): Promise<Page> => {
    const res = await t.http.get(`/api/tasks?${query}`).set(bearer(token));
    if (res.status !== 200) throw new Error(`list ${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Page;
  };
  const codes = (page: Page) => page.items.map((i) => i.code);

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    const admin = await t.login();
    stc = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
    syt = await createAgency(t, admin, { code: 'SYT', name: 'Sở Y tế' });
    sxd = await createAgency(t, admin, { code: 'SXD', name: 'Sở Xây dựng' });
    sessions = await signInEveryRole(t, stc.id);
    office = sessions[UserRole.Office].token;
    agencyUser = sessions[UserRole.Agency].token;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('create', () => {
    it('should create a task with its agencies, effective due date, timeliness and a create history row', async () => {
      const res = await t.http
        .post('/api/tasks')
        .set(bearer(office))
        .send({
          title: 'Xây dựng Đề án phát triển kinh tế ban đêm',
          kind: 'proposal',
          leadAgencyId: stc.id,
          coordinatingAgencyIds: [syt.id, sxd.id],
          dueDate: '2024-06-29',
          assignedAt: '2024-01-15',
          origin: 'initial',
          dueText: 'Quý II/2024',
          sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 06/01/2024 của Chính phủ',
          outputForm: 'Quyết định',
          submitTo: 'UBND tỉnh',
          leaderInCharge: 'Phó Chủ tịch UBND tỉnh Lê Hoàng Việt',
        })
        .expect(201);
      const task = res.body as TaskResponseDto;
      expect(task).toMatchObject({
        title: 'Xây dựng Đề án phát triển kinh tế ban đêm',
        kind: TaskKind.Proposal,
        status: TaskStatus.New,
        progress: 0,
        version: 1,
        leadAgency: { id: stc.id, code: 'STC', name: 'Sở Tài chính' },
        dueDate: '2024-06-29',
        // Saturday → the next working day (Bộ luật Dân sự 2015, Điều 148).
        effectiveDueDate: '2024-07-01',
        dueText: 'Quý II/2024',
        completedAt: null,
        timeliness: Timeliness.Overdue,
      });
      expect(task.daysOverdue).toBeGreaterThan(0);
      expect(task.coordinatingAgencies.map((a) => a.code)).toEqual(['SXD', 'SYT']);
      expect(task).not.toHaveProperty('searchText');

      const history = await t.http.get(`/api/tasks/${task.id}/history`).set(bearer(office)).expect(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          action: 'create',
          field: null,
          userId: sessions[UserRole.Office].user.id,
          userName: sessions[UserRole.Office].user.fullName,
        }),
      ]);
      const row = await taskRow(t, task.id);
      expect(row!.searchText).toContain('xay dung de an phat trien kinh te ban dem');
    });

    it('should default assignedAt to today in Asia/Ho_Chi_Minh and accept a recurring task without a due date', async () => {
      const task = await createTask(t, office, {
        leadAgencyId: stc.id,
        assignedAt: undefined,
        dueDate: null,
        dueText: 'Thường xuyên',
      });
      expect(task).toMatchObject({
        assignedAt: appToday(),
        dueDate: null,
        effectiveDueDate: null,
        timeliness: Timeliness.None,
        daysOverdue: null,
      });
    });

    it.each([
      ['2024-06-15', '2024-06-17', 'a Saturday'],
      ['2024-04-30', '2024-05-02', 'Ngày Chiến thắng (30/4, then 1/5)'],
      ['2024-09-02', '2024-09-04', 'Quốc khánh and its adjacent day'],
      ['2024-06-28', '2024-06-28', 'a Friday'],
    ])('should move a due date of %s to %s (%s)', async (dueDate, effective) => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, dueDate });
      expect(task.effectiveDueDate).toBe(effective);
    });

    it('should refuse a code already used in the same program with 409 and create nothing', async () => {
      const program = await createProgram(t, office);
      await createTask(t, office, { leadAgencyId: stc.id, programId: program.id, code: 'A.1' });
      const before = await taskTableCounts(t);
      const res = await t.http
        .post('/api/tasks')
        .set(bearer(office))
        .send({
          title: 'Trùng mã',
          kind: 'task',
          leadAgencyId: stc.id,
          dueDate: null,
          origin: 'added',
          programId: program.id,
          code: 'A.1',
        })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', details: [{ field: 'code' }] });
      expect(res.body.message).toMatch(/Mã nhiệm vụ "A.1" đã tồn tại/);
      expect(await taskTableCounts(t)).toEqual(before);
      // The same code in another program, or without a program, is fine.
      await createTask(t, office, { leadAgencyId: stc.id, code: 'A.1' });
    });
  });

  describe('read', () => {
    it('should get one task with its lead and coordinating agencies', async () => {
      const created = await createTask(t, office, { leadAgencyId: syt.id, coordinatingAgencyIds: [stc.id] });
      const res = await t.http.get(`/api/tasks/${created.id}`).set(bearer(office)).expect(200);
      expect(res.body).toMatchObject({
        id: created.id,
        leadAgencyId: syt.id,
        leadAgency: { id: syt.id, code: 'SYT', name: 'Sở Y tế' },
        coordinatingAgencies: [{ id: stc.id, code: 'STC', name: 'Sở Tài chính' }],
        effectiveDueDate: '2024-06-28',
      });
    });

    it('should list the history newest first, one row per changed field with who, from, to and the comment', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      await patchCurrent(
        t,
        office,
        task.id,
        { dueDate: '2024-07-31', title: 'Tiêu đề mới', comment: 'Theo Thông báo số 45/TB-UBND' },
        200,
      );
      await patchCurrent(t, agencyUser, task.id, { status: 'in_progress', progress: 30, note: 'Đang triển khai' }, 200);
      const res = await t.http.get(`/api/tasks/${task.id}/history`).set(bearer(office)).expect(200);
      const rows = res.body.items as TaskHistoryResponseDto[];
      expect(rows.map((r) => [r.action, r.field, r.fromValue, r.toValue, r.comment])).toEqual([
        ['update', 'note', null, 'Đang triển khai', null],
        ['update', 'progress', '0', '30', null],
        ['update', 'status', 'new', 'in_progress', null],
        ['update', 'dueDate', '2024-06-28', '2024-07-31', 'Theo Thông báo số 45/TB-UBND'],
        ['update', 'title', task.title, 'Tiêu đề mới', 'Theo Thông báo số 45/TB-UBND'],
        ['create', null, null, null, null],
      ]);
      expect(rows[0].userName).toBe(sessions[UserRole.Agency].user.fullName);
      expect(rows[3].userName).toBe(sessions[UserRole.Office].user.fullName);
    });
  });

  describe('list', () => {
    let program: ProgramResponseDto;
    const asOf = '2024-07-10';
    const expected: Record<string, Timeliness> = {};

    beforeAll(async () => {
      program = await createProgram(t, office);
      const mk = async (code: string, dueDate: string | null, lead = stc.id, extra: Record<string, unknown> = {}) =>
        createTask(t, office, { leadAgencyId: lead, programId: program.id, code, dueDate, ...extra });
      const done = async (task: TaskResponseDto, completedAt: string) =>
        patchCurrent(t, office, task.id, { status: 'done', completedAt }, 200);

      // Done on the effective due date → on time; the day after → late.
      await done(
        await mk('T01', '2024-06-28', stc.id, { title: 'Báo cáo của Sở Tài chính về ngân sách' }),
        '2024-06-28',
      );
      await done(await mk('T02', '2024-06-28', syt.id, { coordinatingAgencyIds: [stc.id] }), '2024-06-29');
      // Due on a Saturday, done the next Monday (the effective due date) → on time.
      await done(await mk('T03', '2024-06-29'), '2024-07-01');
      // Due on 30/4 (holiday, then 1/5): the effective due date is 2/5.
      await done(await mk('T04', '2024-04-30', sxd.id), '2024-05-02');
      await done(await mk('T05', '2024-04-30', sxd.id, { coordinatingAgencyIds: [syt.id] }), '2024-05-03');
      // Open ones, as of 2024-07-10.
      await mk('T06', '2024-07-05', stc.id, { title: 'Kế hoạch 100% chuyển đổi số_quý III' });
      await mk('T07', '2024-07-10', syt.id); // due today → due soon, not overdue
      await mk('T08', '2024-07-17', sxd.id, { coordinatingAgencyIds: [stc.id] }); // exactly 7 days → due soon
      await mk('T09', '2024-07-18'); // in time
      await mk('T10', null, stc.id, { title: "Nhiệm vụ thường xuyên'; DROP TABLE tasks; --" }); // no due date
      const withdrawn = await mk('T11', '2024-07-05', syt.id);
      await patchCurrent(t, office, withdrawn.id, { status: 'withdrawn', comment: 'Không còn phù hợp' }, 200);
      // Done after the day judged: still open (overdue) as of 2024-07-10.
      await done(await mk('T12', '2024-07-05', sxd.id), '2024-07-12');
      const inProgress = await mk('T13', '2024-07-09', stc.id);
      await patchCurrent(t, agencyUser, inProgress.id, { status: 'in_progress', progress: 50 }, 200);

      Object.assign(expected, {
        T01: Timeliness.OnTime,
        T02: Timeliness.Late,
        T03: Timeliness.OnTime,
        T04: Timeliness.OnTime,
        T05: Timeliness.Late,
        T06: Timeliness.Overdue,
        T07: Timeliness.DueSoon,
        T08: Timeliness.DueSoon,
        T09: Timeliness.InTime,
        T10: Timeliness.None,
        T11: Timeliness.None,
        T12: Timeliness.Overdue,
        T13: Timeliness.Overdue,
      });
    });

    it('should judge every task as of asOf, with daysOverdue where it applies', async () => {
      const page = await list(`programId=${program.id}&asOf=${asOf}&limit=200`);
      expect(page.total).toBe(13);
      const got = Object.fromEntries(page.items.map((i) => [i.code, i.timeliness]));
      expect(got).toEqual(expected);
      const byCode = Object.fromEntries(page.items.map((i) => [i.code, i]));
      expect(byCode.T06.daysOverdue).toBe(5);
      expect(byCode.T13.daysOverdue).toBe(1);
      expect(byCode.T02.daysOverdue).toBe(1);
      expect(byCode.T05.daysOverdue).toBe(1);
      expect(byCode.T07.daysOverdue).toBeNull();
      expect(byCode.T03).toMatchObject({
        dueDate: '2024-06-29',
        effectiveDueDate: '2024-07-01',
        completedAt: '2024-07-01',
      });
      // T12 is done by now, but not as of 2024-07-10.
      expect(byCode.T12).toMatchObject({ status: 'done', completedAt: '2024-07-12', daysOverdue: 5 });
    });

    it.each(['on_time', 'late', 'overdue', 'due_soon', 'in_time'])(
      'should filter timeliness=%s in SQL, agreeing with each task',
      async (which) => {
        const page = await list(`programId=${program.id}&asOf=${asOf}&timeliness=${which}&limit=200`);
        const want = Object.entries(expected)
          .filter(([, v]) => v === (which as Timeliness))
          .map(([k]) => k)
          .sort();
        expect(codes(page).sort()).toEqual(want);
        expect(page.total).toBe(want.length);
        expect(page.items.every((i) => i.timeliness === (which as Timeliness))).toBe(true);
      },
    );

    it('should judge as of another day: T07 overdue the day after its due date, T12 late once done', async () => {
      const page = await list(`programId=${program.id}&asOf=2024-07-11&timeliness=overdue`);
      expect(codes(page).sort()).toEqual(['T06', 'T07', 'T12', 'T13']);
      const late = await list(`programId=${program.id}&asOf=2024-07-12&timeliness=late`);
      expect(codes(late).sort()).toEqual(['T02', 'T05', 'T12']);
    });

    it('should judge as of today by default', async () => {
      const page = await list(`programId=${program.id}&timeliness=overdue`);
      // Every open task of 2024 is overdue today.
      expect(codes(page).sort()).toEqual(['T06', 'T07', 'T08', 'T09', 'T13']);
    });

    it('should filter by lead agency, by involved agency and by status (repeatable)', async () => {
      expect(codes(await list(`programId=${program.id}&agencyId=${sxd.id}&sort=code`))).toEqual([
        'T04',
        'T05',
        'T08',
        'T12',
      ]);
      expect(codes(await list(`programId=${program.id}&involvingAgencyId=${syt.id}&sort=code`))).toEqual([
        'T02',
        'T05',
        'T07',
        'T11',
      ]);
      expect(codes(await list(`programId=${program.id}&involvingAgencyId=${stc.id}&sort=code`))).toEqual([
        'T01',
        'T02',
        'T03',
        'T06',
        'T08',
        'T09',
        'T10',
        'T13',
      ]);
      expect(codes(await list(`programId=${program.id}&status=new&status=in_progress&sort=code`))).toEqual([
        'T06',
        'T07',
        'T08',
        'T09',
        'T10',
        'T13',
      ]);
      expect(codes(await list(`programId=${program.id}&status=withdrawn`))).toEqual(['T11']);
    });

    it('should filter by effective due date', async () => {
      // T03 is due 29/6 (Saturday): effectively 1/7, inside the window.
      expect(codes(await list(`programId=${program.id}&dueFrom=2024-06-29&dueTo=2024-07-09&sort=code`))).toEqual([
        'T03',
        'T06',
        'T11',
        'T12',
        'T13',
      ]);
      expect(codes(await list(`programId=${program.id}&dueFrom=2024-07-17&sort=code`))).toEqual(['T08', 'T09']);
      expect(codes(await list(`programId=${program.id}&dueTo=2024-05-02&sort=code`))).toEqual(['T04', 'T05']);
    });

    it('should search without regard to diacritics or case', async () => {
      for (const q of ['so tai chinh', 'Sở Tài chính', 'SỞ TÀI CHÍNH', '  sở   tài  chính ']) {
        expect(codes(await list(`programId=${program.id}&q=${encodeURIComponent(q)}`))).toEqual(['T01']);
      }
      expect(codes(await list(`programId=${program.id}&q=${encodeURIComponent('chuyen doi so')}`))).toEqual(['T06']);
      expect(codes(await list(`programId=${program.id}&q=t08`))).toEqual(['T08']);
      expect((await list(`programId=${program.id}&q=khong-co-dau-ca`)).total).toBe(0);
    });

    it('should search words: punctuation in q separates them and is never a wildcard', async () => {
      // Search is by words since the search index (task-search.ts); "%" and "_" used to be LIKE-escaped literals.
      expect(codes(await list(`programId=${program.id}&q=${encodeURIComponent('100%')}`))).toEqual(['T06']);
      expect(codes(await list(`programId=${program.id}&q=${encodeURIComponent('so_quy')}`))).toEqual(['T06']);
      expect(codes(await list(`programId=${program.id}&q=${encodeURIComponent('số quý III')}`))).toEqual(['T06']);
      expect((await list(`programId=${program.id}&q=${encodeURIComponent('%')}`)).total).toBe(0);
      expect((await list(`programId=${program.id}&q=_`)).total).toBe(0);
      expect(
        (await list(`programId=${program.id}&q=${encodeURIComponent("'; DROP TABLE tasks; --")}`)).items.map(
          (i) => i.code,
        ),
      ).toEqual(['T10']);
    });

    it('should sort by due date with tasks without one last, either way, and by code and update time', async () => {
      const asc = codes(await list(`programId=${program.id}&sort=dueDate`));
      expect(asc[0]).toBe('T04');
      expect(asc.at(-1)).toBe('T10');
      const desc = codes(await list(`programId=${program.id}&sort=-dueDate`));
      expect(desc[0]).toBe('T09');
      expect(desc.at(-1)).toBe('T10');
      expect(codes(await list(`programId=${program.id}&sort=code`))).toEqual(Object.keys(expected).sort());
      const updated = await list(`programId=${program.id}&sort=-updatedAt`);
      const times = updated.items.map((i) => i.updatedAt);
      expect([...times].sort().reverse()).toEqual(times);
      const updatedAsc = await list(`programId=${program.id}&sort=updatedAt`);
      expect(updatedAsc.items.map((i) => i.updatedAt)).toEqual([...times].reverse());
    });

    it('should page without gaps or repeats, ties broken by id', async () => {
      for (const sort of ['dueDate', '-dueDate', 'updatedAt', '-updatedAt', 'code']) {
        const all = codes(await list(`programId=${program.id}&sort=${sort}&limit=200`));
        const paged: (string | null)[] = [];
        for (let page = 1; page <= 5; page++) {
          const res = await list(`programId=${program.id}&sort=${sort}&limit=3&page=${page}`);
          expect(res).toMatchObject({ total: 13, page, limit: 3 });
          paged.push(...codes(res));
        }
        expect(paged).toEqual(all);
      }
      const beyond = await list(`programId=${program.id}&limit=3&page=99`);
      expect(beyond).toEqual({ items: [], total: 13, page: 99, limit: 3 });
      const defaults = await list(`programId=${program.id}`);
      expect(defaults).toMatchObject({ page: 1, limit: 50, total: 13 });
    });

    it('should keep tasks due the same day in id order', async () => {
      const page = await list(`programId=${program.id}&dueFrom=2024-07-05&dueTo=2024-07-05&sort=dueDate`);
      const ids = page.items.map((i) => i.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(ids).toHaveLength(3);
    });

    it('should show an agency user only the tasks its agency leads or coordinates', async () => {
      const page = await list(`programId=${program.id}&sort=code`, agencyUser);
      expect(codes(page)).toEqual(['T01', 'T02', 'T03', 'T06', 'T08', 'T09', 'T10', 'T13']);
      const led = await list(`programId=${program.id}&agencyId=${syt.id}&sort=code`, agencyUser);
      expect(codes(led)).toEqual(['T02']);
    });
  });

  describe('update', () => {
    it('should let the office change everything, recompute the effective due date and bump the version', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id] });
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(office))
        .send({
          version: 1,
          dueDate: '2024-09-02',
          leadAgencyId: sxd.id,
          coordinatingAgencyIds: [stc.id, syt.id],
          kind: 'proposal',
          origin: 'initial',
          code: 'X.9',
          description: 'Mô tả',
          comment: 'Điều chỉnh',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        version: 2,
        dueDate: '2024-09-02',
        effectiveDueDate: '2024-09-04',
        leadAgency: { id: sxd.id, code: 'SXD' },
        kind: 'proposal',
        origin: 'initial',
        code: 'X.9',
        description: 'Mô tả',
      });
      expect((res.body as TaskResponseDto).coordinatingAgencies.map((a) => a.code)).toEqual(['STC', 'SYT']);
      const history = (await historyRows(t, task.id)).filter((h) => h.action === TaskHistoryAction.Update);
      expect(history.map((h) => h.field).sort()).toEqual(
        ['code', 'coordinatingAgencyIds', 'description', 'dueDate', 'kind', 'leadAgencyId', 'origin'].sort(),
      );
      expect(history.find((h) => h.field === 'coordinatingAgencyIds')).toMatchObject({
        fromValue: String(syt.id),
        toValue: [stc.id, syt.id].sort((a, b) => a - b).join(','),
        comment: 'Điều chỉnh',
      });
      expect((await taskRow(t, task.id))!.searchText).toContain('x.9');
    });

    it('should change nothing and keep the version when nothing differs', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(office))
        .send({ version: 1, title: task.title, dueDate: task.dueDate })
        .expect(200);
      expect(res.body.version).toBe(1);
      expect(await historyRows(t, task.id)).toHaveLength(1);
    });

    it('should answer 409 to a stale version and change nothing', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      await t.http.patch(`/api/tasks/${task.id}`).set(bearer(office)).send({ version: 1, note: 'lần 1' }).expect(200);
      const before = await taskRow(t, task.id);
      const counts = await taskTableCounts(t);
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(office))
        .send({ version: 1, title: 'Ghi đè', status: 'in_progress' })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(res.body.message).toMatch(/đã được người khác cập nhật/);
      expect(await taskRow(t, task.id)).toEqual(before);
      expect(await taskTableCounts(t)).toEqual(counts);
    });

    // The PATCH answer is not read back from the database (task-change.statements.ts): it must be
    // exactly what a GET answers afterwards, version and updatedAt included.
    it("should answer a lead agency's progress update exactly as the task then reads", async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id, sxd.id] });
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(agencyUser))
        .send({ version: 1, status: 'in_progress', progress: 40, note: 'Đang lấy ý kiến các sở' })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, status: 'in_progress', progress: 40, note: 'Đang lấy ý kiến các sở' });
      const read = await t.http.get(`/api/tasks/${task.id}`).set(bearer(office)).expect(200);
      expect(res.body).toEqual(read.body);
      expect((res.body as TaskResponseDto).coordinatingAgencies.map((a) => a.code)).toEqual(['SXD', 'SYT']);
      const history = (await historyRows(t, task.id)).filter((h) => h.action === TaskHistoryAction.Update);
      expect(history.map((h) => [h.field, h.fromValue, h.toValue])).toEqual(
        expect.arrayContaining([
          ['status', 'new', 'in_progress'],
          ['progress', '0', '40'],
          ['note', null, 'Đang lấy ý kiến các sở'],
        ]),
      );
      expect(history).toHaveLength(3);
    });

    it('should answer a change of lead agency, due date and title exactly as the task then reads', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id] });
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(office))
        .send({ version: 1, leadAgencyId: sxd.id, dueDate: '2024-09-02', title: 'Rà soát quy hoạch xây dựng vùng tỉnh', comment: 'Giao lại' })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, leadAgency: { id: sxd.id, code: 'SXD', name: 'Sở Xây dựng' }, effectiveDueDate: '2024-09-04' });
      const read = await t.http.get(`/api/tasks/${task.id}`).set(bearer(office)).expect(200);
      expect(res.body).toEqual(read.body);
      expect((await taskRow(t, task.id))!.searchText).toContain('ra soat quy hoach');
    });

    it('should answer a change of the coordinating agencies alone exactly as the task then reads, with a new version', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id] });
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(office))
        .send({ version: 1, coordinatingAgencyIds: [sxd.id] })
        .expect(200);
      expect(res.body.version).toBe(2);
      expect((res.body as TaskResponseDto).coordinatingAgencies.map((a) => a.code)).toEqual(['SXD']);
      const read = await t.http.get(`/api/tasks/${task.id}`).set(bearer(office)).expect(200);
      expect(res.body).toEqual(read.body);
    });

    it('should write no history and keep the version when a lead agency sends the values the task already has', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const counts = await taskTableCounts(t);
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(agencyUser))
        .send({ version: 1, progress: task.progress, note: task.note, status: task.status })
        .expect(200);
      expect(res.body).toMatchObject({ version: 1, updatedAt: task.updatedAt });
      expect(await taskTableCounts(t)).toEqual(counts);
      expect(await historyRows(t, task.id)).toHaveLength(1);
    });

    it('should let only one of two concurrent PATCHes of the same version win', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const results = await Promise.all(
        ['Phiên A', 'Phiên B', 'Phiên C'].map((note) =>
          t.http.patch(`/api/tasks/${task.id}`).set(bearer(office)).send({ version: 1, note }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const row = await taskRow(t, task.id);
      expect(row).toMatchObject({ version: 2, note: winner.body.note });
      expect((await historyRows(t, task.id)).filter((h) => h.action === TaskHistoryAction.Update)).toHaveLength(1);
    });
  });

  describe('status transitions', () => {
    const move = (token: string, id: number, body: Record<string, unknown>, status?: number) =>
      patchCurrent(t, token, id, body, status);

    it.each([
      ['new', 'in_progress'],
      ['new', 'submitted'],
      ['new', 'done'],
      ['in_progress', 'submitted'],
      ['in_progress', 'done'],
      ['submitted', 'done'],
      ['submitted', 'in_progress'],
    ])('should let the lead agency move a task from %s to %s', async (from, to) => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      if (from !== 'new') await move(office, task.id, { status: from }, 200);
      const res = await move(agencyUser, task.id, { status: to }, 200);
      expect(res.body.status).toBe(to);
    });

    it('should mark done with completedAt today and progress 100 by default', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const res = await move(agencyUser, task.id, { status: 'done' }, 200);
      expect(res.body).toMatchObject({
        status: 'done',
        completedAt: appToday(),
        progress: 100,
        timeliness: Timeliness.Late,
      });
    });

    it('should refuse a completion date in the future or before the assignment, changing nothing', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, assignedAt: '2024-03-01' });
      const before = await taskRow(t, task.id);
      const future = await move(agencyUser, task.id, { status: 'done', completedAt: '2099-01-01' }, 400);
      expect(future.body.details).toEqual([
        { field: 'completedAt', message: expect.stringMatching(/không được sau ngày hôm nay/) },
      ]);
      const early = await move(agencyUser, task.id, { status: 'done', completedAt: '2024-02-29' }, 400);
      expect(early.body.message).toBe('Ngày hoàn thành (29/02/2024) không được trước ngày giao (01/03/2024)');
      const notDone = await move(agencyUser, task.id, { status: 'in_progress', completedAt: '2024-03-05' }, 400);
      expect(notDone.body.details[0].field).toBe('completedAt');
      const partial = await move(agencyUser, task.id, { status: 'done', progress: 80 }, 400);
      expect(partial.body.details[0].field).toBe('progress');
      expect(await taskRow(t, task.id)).toEqual(before);
    });

    it("should require a proposal's result document to mark it done", async () => {
      const task = await createTask(t, office, {
        leadAgencyId: stc.id,
        kind: TaskKind.Proposal,
        origin: TaskOrigin.Initial,
      });
      const res = await move(agencyUser, task.id, { status: 'done', completedAt: '2024-06-20' }, 400);
      expect(res.body.details).toEqual([
        { field: 'resultDocument', message: expect.stringMatching(/văn bản kết quả/) },
      ]);
      expect((await taskRow(t, task.id))!.status).toBe('new');
      const ok = await move(
        agencyUser,
        task.id,
        {
          status: 'done',
          completedAt: '2024-06-20',
          resultDocument: 'Quyết định số 1234/QĐ-UBND ngày 20/6/2024',
        },
        200,
      );
      expect(ok.body).toMatchObject({
        status: 'done',
        completedAt: '2024-06-20',
        progress: 100,
        timeliness: 'on_time',
      });
      // A note on the done task is still fine.
      await move(agencyUser, task.id, { note: 'Đã ban hành' }, 200);
    });

    it('should refuse transitions that do not exist, naming them in Vietnamese', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      await move(agencyUser, task.id, { status: 'done', completedAt: '2024-06-20' }, 200);
      const before = await taskRow(t, task.id);
      const res = await move(office, task.id, { status: 'new', comment: 'thử' }, 400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Không thể chuyển trạng thái từ "Đã hoàn thành" sang "Mới giao"',
        details: [
          { field: 'status', message: 'Trạng thái: Không thể chuyển trạng thái từ "Đã hoàn thành" sang "Mới giao"' },
        ],
      });
      await move(office, task.id, { status: 'submitted' }, 400);
      const fresh = await createTask(t, office, { leadAgencyId: stc.id });
      const backwards = await move(agencyUser, fresh.id, { status: 'new' });
      expect(backwards.status).toBe(200); // same status: no transition
      await move(agencyUser, fresh.id, { status: 'in_progress' }, 200);
      const toNew = await move(agencyUser, fresh.id, { status: 'new' }, 400);
      expect(toNew.body.message).toBe('Không thể chuyển trạng thái từ "Đang thực hiện" sang "Mới giao"');
      expect(await taskRow(t, task.id)).toEqual(before);
    });

    it('should let only the office withdraw or defer, and reopen, with a reason, keeping the due date', async () => {
      for (const target of ['withdrawn', 'deferred']) {
        const task = await createTask(t, office, { leadAgencyId: stc.id, dueDate: '2024-06-29' });
        const byAgency = await move(agencyUser, task.id, { status: target, comment: 'Xin rút' }, 403);
        expect(byAgency.body.message).toMatch(/Chỉ Văn phòng UBND tỉnh/);
        const noReason = await move(office, task.id, { status: target }, 400);
        expect(noReason.body.details).toEqual([{ field: 'comment', message: expect.stringMatching(/Cần nêu lý do/) }]);
        expect((await taskRow(t, task.id))!.status).toBe('new');
        const ok = await move(office, task.id, { status: target, comment: 'Theo chỉ đạo của Chủ tịch UBND tỉnh' }, 200);
        expect(ok.body).toMatchObject({
          status: target,
          dueDate: '2024-06-29',
          effectiveDueDate: '2024-07-01',
          timeliness: 'none',
          daysOverdue: null,
        });
        const history = await historyRows(t, task.id);
        expect(history.at(-1)).toMatchObject({
          field: 'status',
          fromValue: 'new',
          toValue: target,
          comment: 'Theo chỉ đạo của Chủ tịch UBND tỉnh',
        });
        // Reopened only by the office and only with a reason (kept in history).
        await move(agencyUser, task.id, { status: 'in_progress', comment: 'mở lại' }, 403);
        await move(office, task.id, { status: 'in_progress' }, 400);
        await move(office, task.id, { status: 'new', comment: 'mở lại' }, 400);
        await move(office, task.id, { status: 'in_progress', comment: 'Tỉnh ủy yêu cầu tiếp tục' }, 200);
        expect((await historyRows(t, task.id)).at(-1)).toMatchObject({ field: 'status', fromValue: target, toValue: 'in_progress', comment: 'Tỉnh ủy yêu cầu tiếp tục' });
      }
    });

    it('should let only the office reopen a done task, with a reason', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      await move(agencyUser, task.id, { status: 'done', completedAt: '2024-06-20' }, 200);
      await move(agencyUser, task.id, { status: 'in_progress', comment: 'Làm lại' }, 403);
      await move(office, task.id, { status: 'in_progress' }, 400);
      const res = await move(office, task.id, { status: 'in_progress', comment: 'Kết quả chưa đạt yêu cầu' }, 200);
      expect(res.body).toMatchObject({ status: 'in_progress', completedAt: null });
      const history = await historyRows(t, task.id);
      // Reopened: neither completed nor submitted any more (Phụ lục I column (5) counts by the submission date).
      expect(history.slice(-3).map((h) => [h.field, h.fromValue, h.toValue])).toEqual([
        ['status', 'done', 'in_progress'],
        ['completedAt', '2024-06-20', null],
        ['submittedAt', '2024-06-20', null],
      ]);
    });
  });

  describe('TasksService.createMany (for importers)', () => {
    it("should create in the caller's transaction, all or nothing, with import history rows", async () => {
      const sut = t.get(TasksService);
      const ds = t.get(DataSource);
      const before = await taskTableCounts(t);
      const rows = [
        {
          title: 'Dòng 1',
          kind: TaskKind.Task,
          leadAgencyId: stc.id,
          dueDate: '2024-03-31',
          assignedAt: '2024-01-10',
          origin: TaskOrigin.Initial,
        },
        {
          title: 'Dòng 2',
          kind: TaskKind.Task,
          leadAgencyId: 987654,
          dueDate: '2024-03-31',
          assignedAt: '2024-01-10',
          origin: TaskOrigin.Initial,
        },
      ];
      await expect(
        ds.transaction((m) => sut.createMany(m, rows, null, { fieldPrefix: (i) => `rows.${i}.` })),
      ).rejects.toMatchObject({
        details: [
          { field: 'rows.1.leadAgencyId', message: expect.stringMatching(/^rows\.1\.leadAgencyId: không tìm thấy/) },
        ],
      });
      expect(await taskTableCounts(t)).toEqual(before);

      // A failure of the caller after the tasks were written rolls them back too.
      await expect(
        ds.transaction(async (m) => {
          await sut.createMany(m, [rows[0]], null);
          throw new Error('importer failed later');
        }),
      ).rejects.toThrow('importer failed later');
      expect(await taskTableCounts(t)).toEqual(before);

      const created = await ds.transaction((m) =>
        sut.createMany(
          m,
          [rows[0], { ...rows[0], title: 'Dòng 3', dueDate: '2024-06-29', coordinatingAgencyIds: [syt.id] }],
          null,
          {
            action: TaskHistoryAction.Import,
            comment: 'Nhập từ tệp CTCT-2024.xlsx',
          },
        ),
      );
      expect(created.map((c) => c.effectiveDueDate)).toEqual(['2024-04-01', '2024-07-01']);
      expect(await taskTableCounts(t)).toEqual({
        ...before,
        tasks: before.tasks + 2,
        history: before.history + 2,
        links: before.links + 1,
      });
      expect(await historyRows(t, created[1].id)).toEqual([
        expect.objectContaining({
          action: 'import',
          userId: null,
          userName: null,
          comment: 'Nhập từ tệp CTCT-2024.xlsx',
        }),
      ]);
    });
  });

  it('should document every route of the module in /api/docs', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/tasks',
        '/api/tasks/{id}',
        '/api/tasks/{id}/history',
        '/api/tasks/{id}/requests',
        '/api/requests',
        '/api/requests/{id}',
        '/api/requests/{id}/approve',
        '/api/requests/{id}/reject',
      ]),
    );
    expect(Object.keys(doc.paths['/api/tasks'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/tasks/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    const schemas = (
      doc as unknown as {
        components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> };
      }
    ).components.schemas;
    expect(schemas.CreateTaskDto.properties.title.example).toEqual(expect.any(String));
    expect(schemas.UpdateTaskDto.properties.version.example).toBe(3);
    expect(schemas.TaskResponseDto.properties.timeliness.example).toBe('overdue');
  });
});

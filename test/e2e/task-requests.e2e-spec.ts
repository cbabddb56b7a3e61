import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { TaskHistoryResponseDto } from 'src/modules/tasks/dto/task-history-response.dto';
import { TaskRequestResponseDto } from 'src/modules/tasks/dto/task-request-response.dto';
import { TaskHistoryAction } from 'src/modules/tasks/task-history.entity';
import { TaskRequestStatus } from 'src/modules/tasks/task-request.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask, patchCurrent, taskRow, taskTableCounts } from 'test/fixtures/tasks.fixture';
import { createUser, RoleSession, signInEveryRole, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

describe('task requests (e2e)', () => {
  let t: TestApp;
  let sessions: Record<UserRole, RoleSession>;
  let office: string;
  let leader: string;
  let agency: string;
  let otherAgency: string;
  let stc: AgencyResponseDto;
  let syt: AgencyResponseDto;

  const ask = (taskId: number, body: Record<string, unknown>, token = agency) =>
    t.http.post(`/api/tasks/${taskId}/requests`).set(bearer(token)).send(body);
  const approve = (id: number, body: Record<string, unknown> = {}, token = office) =>
    t.http.post(`/api/requests/${id}/approve`).set(bearer(token)).send(body);
  const reject = (id: number, body: Record<string, unknown>, token = office) =>
    t.http.post(`/api/requests/${id}/reject`).set(bearer(token)).send(body);
  const history = async (taskId: number) =>
    (await t.http.get(`/api/tasks/${taskId}/history`).query({ limit: 500 }).set(bearer(office)).expect(200)).body.items as TaskHistoryResponseDto[];

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    const admin = await t.login();
    stc = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
    syt = await createAgency(t, admin, { code: 'SYT', name: 'Sở Y tế' });
    sessions = await signInEveryRole(t, stc.id);
    office = sessions[UserRole.Office].token;
    leader = sessions[UserRole.Leader].token;
    agency = sessions[UserRole.Agency].token;
    const sytUser = await createUser(t, admin, { role: UserRole.Agency, agencyId: syt.id });
    otherAgency = await t.login(sytUser.email, TEST_USER_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('extension', () => {
    it('should record the request, then on approval move the due date and keep the original in history', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, dueDate: '2024-06-28' });
      const created = await ask(task.id, {
        type: 'extension',
        reason: 'Chờ ý kiến Bộ Tài chính',
        proposedDueDate: '2024-08-31',
      }).expect(201);
      const request = created.body as TaskRequestResponseDto;
      expect(request).toMatchObject({
        taskId: task.id,
        task: {
          id: task.id,
          title: task.title,
          dueDate: '2024-06-28',
          leadAgency: { id: stc.id, code: 'STC', name: 'Sở Tài chính' },
        },
        type: 'extension',
        reason: 'Chờ ý kiến Bộ Tài chính',
        proposedDueDate: '2024-08-31',
        status: 'pending',
        requestedBy: { id: sessions[UserRole.Agency].user.id, fullName: sessions[UserRole.Agency].user.fullName },
        decidedBy: null,
        decidedAt: null,
      });
      expect((await taskRow(t, task.id))!).toMatchObject({ dueDate: '2024-06-28', version: 1 });

      const approved = await approve(request.id, { comment: 'Đồng ý gia hạn' }, leader).expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        decidedBy: { id: sessions[UserRole.Leader].user.id, fullName: sessions[UserRole.Leader].user.fullName },
        decisionComment: 'Đồng ý gia hạn',
        task: { dueDate: '2024-08-31' },
      });
      expect(approved.body.decidedAt).toEqual(expect.any(String));
      // 31/8/2024 is a Saturday, and 2/9 and 3/9 are holidays: effectively due 4/9.
      expect(await taskRow(t, task.id)).toMatchObject({
        dueDate: '2024-08-31',
        effectiveDueDate: '2024-09-04',
        version: 2,
      });

      const rows = await history(task.id);
      expect(rows.map((r) => [r.action, r.field, r.fromValue, r.toValue, r.comment, r.userName])).toEqual([
        ['approve', 'dueDate', '2024-06-28', '2024-08-31', 'Đồng ý gia hạn', sessions[UserRole.Leader].user.fullName],
        [
          'request',
          'dueDate',
          '2024-06-28',
          '2024-08-31',
          'Chờ ý kiến Bộ Tài chính',
          sessions[UserRole.Agency].user.fullName,
        ],
        ['create', null, null, null, null, sessions[UserRole.Office].user.fullName],
      ]);
    });

    it('should show where an extended date came from, never the old phrase as current', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, assignedAt: '2024-01-15', dueDate: '2024-11-30', dueText: 'tháng 11/2024' });
      expect(task).toMatchObject({ dueText: 'tháng 11/2024', extendedFromDate: null, extendedFromText: null });
      const req = (await ask(task.id, { type: 'extension', reason: 'Chờ ý kiến Bộ', proposedDueDate: '2026-12-31' }).expect(201)).body;
      await approve(req.id).expect(200);
      const after = (await t.http.get(`/api/tasks/${task.id}`).set(bearer(agency)).expect(200)).body;
      expect(after).toMatchObject({ dueDate: '2026-12-31', dueText: null, extendedFromDate: '2024-11-30', extendedFromText: 'tháng 11/2024' });
      const rows = (await history(task.id)).filter((r) => r.action === TaskHistoryAction.Approve);
      expect(rows.map((r) => [r.field, r.fromValue, r.toValue])).toEqual(
        expect.arrayContaining([
          ['dueDate', '2024-11-30', '2026-12-31'],
          ['dueText', 'tháng 11/2024', null],
        ]),
      );
      expect(rows).toHaveLength(2);
    });

    it('should require a proposed due date after the current one', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id, dueDate: '2024-06-28' });
      const before = await taskTableCounts(t);
      const missing = await ask(task.id, { type: 'extension', reason: 'Cần thêm thời gian' }).expect(400);
      expect(missing.body.details).toEqual([
        { field: 'proposedDueDate', message: 'Thời hạn đề nghị: bắt buộc với yêu cầu gia hạn' },
      ]);
      const same = await ask(task.id, { type: 'extension', reason: 'x', proposedDueDate: '2024-06-28' }).expect(400);
      expect(same.body.message).toBe('Thời hạn đề nghị (28/06/2024) phải sau thời hạn hiện tại (28/06/2024)');
      await ask(task.id, { type: 'extension', reason: 'x', proposedDueDate: '2024-02-30' }).expect(400);
      await ask(task.id, { type: 'withdrawal', reason: 'x', proposedDueDate: '2024-12-31' }).expect(400);
      await ask(task.id, { type: 'extension', reason: '   ', proposedDueDate: '2024-12-31' }).expect(400);
      await ask(task.id, { type: 'postpone', reason: 'x' }).expect(400);
      const recurring = await createTask(t, office, { leadAgencyId: stc.id, dueDate: null });
      const none = await ask(recurring.id, { type: 'extension', reason: 'x', proposedDueDate: '2024-12-31' }).expect(
        400,
      );
      expect(none.body.message).toMatch(/thường xuyên/);
      expect(await taskTableCounts(t)).toEqual({ ...before, tasks: before.tasks + 1, history: before.history + 1 });
    });

    it('should allow one pending request of a type at a time', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      await ask(task.id, { type: 'extension', reason: 'Lần 1', proposedDueDate: '2024-07-31' }).expect(201);
      const again = await ask(task.id, { type: 'extension', reason: 'Lần 2', proposedDueDate: '2024-08-31' }).expect(
        409,
      );
      expect(again.body.message).toBe('Nhiệm vụ đã có một yêu cầu gia hạn đang chờ xử lý');
      // Another type may be pending beside it.
      await ask(task.id, { type: 'withdrawal', reason: 'Không còn phù hợp' }).expect(201);
      const pending = await t.http
        .get(`/api/requests?status=pending&taskId=${task.id}`)
        .set(bearer(office))
        .expect(200);
      expect(pending.body.total).toBe(2);
    });

    it('should let only one of two concurrent requests of a type in', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const results = await Promise.all([1, 2, 3].map((n) => ask(task.id, { type: 'deferral', reason: `Lần ${n}` })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('should refuse requests on closed tasks', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      await patchCurrent(t, agency, task.id, { status: 'done', completedAt: '2024-06-20' }, 200);
      const res = await ask(task.id, { type: 'extension', reason: 'x', proposedDueDate: '2024-12-31' }).expect(409);
      expect(res.body.message).toBe('Không thể gửi yêu cầu với nhiệm vụ ở trạng thái "Đã hoàn thành"');
    });
  });

  describe('decisions', () => {
    it('should withdraw or defer on approval, keeping the due date', async () => {
      for (const [type, status] of [
        ['withdrawal', 'withdrawn'],
        ['deferral', 'deferred'],
      ]) {
        const task = await createTask(t, office, { leadAgencyId: stc.id, dueDate: '2024-06-29' });
        await patchCurrent(t, agency, task.id, { status: 'in_progress' }, 200);
        const req = (await ask(task.id, { type, reason: 'Chuyển sang năm 2025' }).expect(201))
          .body as TaskRequestResponseDto;
        await approve(req.id).expect(200);
        expect(await taskRow(t, task.id)).toMatchObject({
          status,
          dueDate: '2024-06-29',
          effectiveDueDate: '2024-07-01',
        });
        const rows = await history(task.id);
        expect(rows.slice(0, 2).map((r) => [r.action, r.field, r.fromValue, r.toValue])).toEqual([
          ['approve', 'status', 'in_progress', status],
          ['request', 'status', 'in_progress', status],
        ]);
        const read = await t.http.get(`/api/tasks/${task.id}`).set(bearer(agency)).expect(200);
        expect(read.body).toMatchObject({ status, timeliness: 'none' });
      }
    });

    it('should record a rejection with its reason and leave the task as it was', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const req = (await ask(task.id, { type: 'withdrawal', reason: 'Không còn phù hợp' }).expect(201))
        .body as TaskRequestResponseDto;
      const before = await taskRow(t, task.id);
      const noReason = await reject(req.id, {}).expect(400);
      expect(noReason.body.details).toContainEqual({ field: 'comment', message: 'Ý kiến: không được để trống' });
      const res = await reject(req.id, { comment: 'Nhiệm vụ vẫn cần thực hiện' }, leader).expect(200);
      expect(res.body).toMatchObject({ status: 'rejected', decisionComment: 'Nhiệm vụ vẫn cần thực hiện' });
      expect(await taskRow(t, task.id)).toEqual(before);
      const rows = await history(task.id);
      expect(rows[0]).toMatchObject({
        action: 'reject',
        field: 'status',
        fromValue: 'new',
        toValue: 'withdrawn',
        comment: 'Nhiệm vụ vẫn cần thực hiện',
      });
      // A new request of the same type may follow.
      await ask(task.id, { type: 'withdrawal', reason: 'Đề nghị lại' }).expect(201);
    });

    it('should decide only pending requests (409) and change nothing the second time', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const req = (await ask(task.id, { type: 'extension', reason: 'x', proposedDueDate: '2024-07-31' }).expect(201))
        .body as TaskRequestResponseDto;
      await approve(req.id).expect(200);
      const before = await taskTableCounts(t);
      const row = await taskRow(t, task.id);
      const twice = await approve(req.id).expect(409);
      expect(twice.body.message).toBe('Yêu cầu đã được duyệt; chỉ xử lý được yêu cầu đang chờ');
      await reject(req.id, { comment: 'muộn' }).expect(409);
      expect(await taskTableCounts(t)).toEqual(before);
      expect(await taskRow(t, task.id)).toEqual(row);
    });

    it('should let only one of two concurrent decisions win', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const req = (await ask(task.id, { type: 'extension', reason: 'x', proposedDueDate: '2024-07-31' }).expect(201))
        .body as TaskRequestResponseDto;
      const results = await Promise.all([
        approve(req.id),
        reject(req.id, { comment: 'Không đồng ý' }, leader),
        approve(req.id, {}, leader),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const decisions = (await history(task.id)).filter((r) => r.action === TaskHistoryAction.Approve || r.action === TaskHistoryAction.Reject);
      expect(decisions).toHaveLength(1);
    });

    it('should refuse to approve a request whose task has closed, leaving it pending', async () => {
      const task = await createTask(t, office, { leadAgencyId: stc.id });
      const req = (await ask(task.id, { type: 'extension', reason: 'x', proposedDueDate: '2024-07-31' }).expect(201))
        .body as TaskRequestResponseDto;
      await patchCurrent(t, agency, task.id, { status: 'done', completedAt: '2024-06-25' }, 200);
      const res = await approve(req.id).expect(409);
      expect(res.body.message).toMatch(/Không thể duyệt: nhiệm vụ đang ở trạng thái "Đã hoàn thành"/);
      const still = await t.http.get(`/api/requests/${req.id}`).set(bearer(office)).expect(200);
      expect(still.body.status).toBe('pending');
      expect((await taskRow(t, task.id))!.dueDate).toBe('2024-06-28');
      await reject(req.id, { comment: 'Nhiệm vụ đã hoàn thành' }).expect(200);
    });

    it('should answer 404 for a request that does not exist and 400 for an id that is not one', async () => {
      await approve(987654).expect(404);
      await reject(987654, { comment: 'x' }).expect(404);
      await t.http.get('/api/requests/987654').set(bearer(office)).expect(404);
      const bad = await approve('abc' as unknown as number).expect(400);
      expect(bad.body.details).toEqual([{ field: 'id', message: 'Mã định danh: phải là số nguyên dương' }]);
    });
  });

  describe('listing', () => {
    it('should list pending requests newest first: all for the office, the agency its own only', async () => {
      const mine = await createTask(t, office, { leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id] });
      const theirs = await createTask(t, office, { leadAgencyId: syt.id });
      const a = (await ask(mine.id, { type: 'deferral', reason: 'STC xin chuyển' }).expect(201))
        .body as TaskRequestResponseDto;
      const b = (await ask(theirs.id, { type: 'deferral', reason: 'SYT xin chuyển' }, otherAgency).expect(201))
        .body as TaskRequestResponseDto;

      const all = await t.http
        .get('/api/requests?status=pending&type=deferral&limit=200')
        .set(bearer(office))
        .expect(200);
      const ids = (all.body.items as TaskRequestResponseDto[]).map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
      expect(all.body).toMatchObject({ page: 1, limit: 200 });

      for (const token of [leader, sessions[UserRole.Admin].token]) {
        const res = await t.http.get('/api/requests?status=pending').set(bearer(token)).expect(200);
        expect(res.body.total).toBe(all.body.total + (await pendingOfOtherTypes()));
      }

      const own = await t.http.get('/api/requests?status=pending&limit=200').set(bearer(agency)).expect(200);
      const ownItems = own.body.items as TaskRequestResponseDto[];
      expect(ownItems.every((r) => r.task.leadAgency.id === stc.id)).toBe(true);
      expect(ownItems.map((r) => r.id)).toContain(a.id);
      // SYT coordinates `mine` but does not see STC's requests on it.
      const syts = await t.http.get('/api/requests?limit=200').set(bearer(otherAgency)).expect(200);
      expect((syts.body.items as TaskRequestResponseDto[]).map((r) => r.id)).toEqual([b.id]);
      await t.http.get(`/api/requests/${a.id}`).set(bearer(otherAgency)).expect(404);

      const decided = await t.http
        .get('/api/requests?status=approved&status=rejected&limit=200')
        .set(bearer(office))
        .expect(200);
      expect((decided.body.items as TaskRequestResponseDto[]).every((r) => r.status !== TaskRequestStatus.Pending)).toBe(true);
      await t.http.get('/api/requests?status=waiting').set(bearer(office)).expect(400);
      await t.http.get('/api/requests?limit=501').set(bearer(office)).expect(400);
    });

    async function pendingOfOtherTypes(): Promise<number> {
      const res = await t.http
        .get('/api/requests?status=pending&type=extension&type=withdrawal')
        .set(bearer(office))
        .expect(200);
      return res.body.total as number;
    }
  });
});

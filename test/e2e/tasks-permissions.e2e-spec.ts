import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { fieldLabel } from 'src/core/http/field-labels';
import { TaskRequestResponseDto } from 'src/modules/tasks/dto/task-request-response.dto';
import { TaskResponseDto } from 'src/modules/tasks/dto/task-response.dto';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask, makeTask, taskRow, taskTableCounts } from 'test/fixtures/tasks.fixture';
import { createUser, signInEveryRole, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

/**
 * Every role × every route of the tasks module. "lead" is an agency user of the task's lead agency,
 * "coordinating" one of a coordinating agency, "outsider" one of an unrelated agency, "anonymous"
 * has no token. Every refusal is shown to change nothing.
 */
type Actor = 'admin' | 'office' | 'leader' | 'lead' | 'coordinating' | 'outsider' | 'anonymous';

describe('tasks permissions (e2e)', () => {
  let t: TestApp;
  const tokens = {} as Record<Actor, string>;
  let lead: AgencyResponseDto;
  let coordinating: AgencyResponseDto;
  let outsider: AgencyResponseDto;
  let task: TaskResponseDto;
  let request: TaskRequestResponseDto;

  const as = (actor: Actor) => (actor === 'anonymous' ? {} : bearer(tokens[actor]));
  const newTask = () =>
    createTask(t, tokens.office, { leadAgencyId: lead.id, coordinatingAgencyIds: [coordinating.id] });
  const newRequest = async (): Promise<TaskRequestResponseDto> => {
    const fresh = await newTask();
    const res = await t.http
      .post(`/api/tasks/${fresh.id}/requests`)
      .set(as('lead'))
      .send({ type: 'withdrawal', reason: 'Không còn phù hợp' });
    if (res.status !== 201) throw new Error(`request failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as TaskRequestResponseDto;
  };

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    const admin = await t.login();
    lead = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
    coordinating = await createAgency(t, admin, { code: 'SYT', name: 'Sở Y tế' });
    outsider = await createAgency(t, admin, { code: 'SXD', name: 'Sở Xây dựng' });
    const sessions = await signInEveryRole(t, lead.id);
    tokens.admin = sessions[UserRole.Admin].token;
    tokens.office = sessions[UserRole.Office].token;
    tokens.leader = sessions[UserRole.Leader].token;
    tokens.lead = sessions[UserRole.Agency].token;
    for (const [actor, agency] of [
      ['coordinating', coordinating],
      ['outsider', outsider],
    ] as const) {
      const user = await createUser(t, admin, { role: UserRole.Agency, agencyId: agency.id });
      tokens[actor] = await t.login(user.email, TEST_USER_PASSWORD);
    }
    task = await newTask();
    request = await newRequest();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/tasks', () => {
    it.each<[Actor, number]>([
      ['admin', 201],
      ['office', 201],
      ['leader', 403],
      ['lead', 403],
      ['coordinating', 403],
      ['outsider', 403],
      ['anonymous', 401],
    ])('%s → %i', async (actor, status) => {
      const before = await taskTableCounts(t);
      await t.http
        .post('/api/tasks')
        .set(as(actor))
        .send(makeTask({ leadAgencyId: lead.id }))
        .expect(status);
      if (status !== 201) expect(await taskTableCounts(t)).toEqual(before);
    });
  });

  describe('GET /api/tasks', () => {
    it.each<[Actor, number, boolean]>([
      ['admin', 200, true],
      ['office', 200, true],
      ['leader', 200, true],
      ['lead', 200, true],
      ['coordinating', 200, true],
      ['outsider', 200, false],
      ['anonymous', 401, false],
    ])('%s → %i (sees the task: %s)', async (actor, status, sees) => {
      const res = await t.http.get('/api/tasks?limit=200').set(as(actor)).expect(status);
      if (status === 200) expect((res.body.items as TaskResponseDto[]).some((i) => i.id === task.id)).toBe(sees);
    });

    it('should not let an agency user widen the list with filters', async () => {
      const res = await t.http
        .get(`/api/tasks?agencyId=${lead.id}&involvingAgencyId=${lead.id}`)
        .set(as('outsider'))
        .expect(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    });
  });

  describe.each(['', '/history'])('GET /api/tasks/:id%s', (suffix) => {
    it.each<[Actor, number]>([
      ['admin', 200],
      ['office', 200],
      ['leader', 200],
      ['lead', 200],
      ['coordinating', 200],
      ['outsider', 404],
      ['anonymous', 401],
    ])('%s → %i', async (actor, status) => {
      await t.http.get(`/api/tasks/${task.id}${suffix}`).set(as(actor)).expect(status);
    });

    it('should answer an outsider exactly as for a task that does not exist', async () => {
      const hidden = await t.http.get(`/api/tasks/${task.id}${suffix}`).set(as('outsider')).expect(404);
      const missing = await t.http.get(`/api/tasks/987654${suffix}`).set(as('outsider')).expect(404);
      expect(hidden.body).toEqual(missing.body);
      expect(hidden.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Không tìm thấy nhiệm vụ',
        details: [],
      });
    });
  });

  describe('PATCH /api/tasks/:id', () => {
    it.each<[Actor, number]>([
      ['admin', 200],
      ['office', 200],
      ['lead', 200],
      ['leader', 403],
      ['coordinating', 403],
      ['outsider', 404],
      ['anonymous', 401],
    ])('%s → %i', async (actor, status) => {
      const before = await taskRow(t, task.id);
      const counts = await taskTableCounts(t);
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(as(actor))
        .send({ version: before!.version, note: `Ghi chú của ${actor}` })
        .expect(status);
      if (status === 200)
        expect(res.body).toMatchObject({ note: `Ghi chú của ${actor}`, version: before!.version + 1 });
      else {
        expect(await taskRow(t, task.id)).toEqual(before);
        expect(await taskTableCounts(t)).toEqual(counts);
      }
    });

    it.each([
      ['title', 'Tiêu đề khác'],
      ['dueDate', '2025-12-31'],
      ['leadAgencyId', 1],
      ['coordinatingAgencyIds', []],
      ['programId', null],
      ['kind', 'proposal'],
      ['assignedAt', '2024-01-01'],
    ])('should refuse the lead agency a change of %s with 403 naming the field', async (field, value) => {
      const before = await taskRow(t, task.id);
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(as('lead'))
        .send({ version: before!.version, note: 'kèm theo', [field]: value })
        .expect(403);
      expect(res.body.message).toContain(`“${fieldLabel(field)}”`);
      expect(res.body.details).toEqual([{ field, message: `${fieldLabel(field)}: chỉ Văn phòng UBND tỉnh được sửa trường này` }]);
      expect(await taskRow(t, task.id)).toEqual(before);
    });

    it('should let the lead agency change status, progress, completedAt, resultDocument and note', async () => {
      const own = await newTask();
      const res = await t.http
        .patch(`/api/tasks/${own.id}`)
        .set(as('lead'))
        .send({
          version: 1,
          status: 'done',
          progress: 100,
          completedAt: '2024-06-20',
          resultDocument: 'Báo cáo số 12/BC-STC',
          note: 'Xong',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'done',
        progress: 100,
        completedAt: '2024-06-20',
        resultDocument: 'Báo cáo số 12/BC-STC',
        note: 'Xong',
      });
    });

    it('should answer an outsider 404 before looking at the fields or the version', async () => {
      const res = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(as('outsider'))
        .send({ version: 999, title: 'x' })
        .expect(404);
      expect(res.body.message).toBe('Không tìm thấy nhiệm vụ');
      await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(as('coordinating'))
        .send({ version: 999, title: 'x' })
        .expect(403);
    });
  });

  describe('POST /api/tasks/:id/requests', () => {
    it.each<[Actor, number]>([
      ['lead', 201],
      ['coordinating', 403],
      ['outsider', 404],
      ['admin', 403],
      ['office', 403],
      ['leader', 403],
      ['anonymous', 401],
    ])('%s → %i', async (actor, status) => {
      const fresh = await newTask();
      const before = await taskTableCounts(t);
      await t.http
        .post(`/api/tasks/${fresh.id}/requests`)
        .set(as(actor))
        .send({ type: 'extension', reason: 'Cần thêm thời gian', proposedDueDate: '2024-12-31' })
        .expect(status);
      if (status !== 201) expect(await taskTableCounts(t)).toEqual(before);
    });
  });

  describe('GET /api/requests', () => {
    it.each<[Actor, number, boolean]>([
      ['admin', 200, true],
      ['office', 200, true],
      ['leader', 200, true],
      ['lead', 200, true],
      ['coordinating', 200, false],
      ['outsider', 200, false],
      ['anonymous', 401, false],
    ])('%s → %i (sees the request: %s)', async (actor, status, sees) => {
      const res = await t.http.get('/api/requests?limit=200').set(as(actor)).expect(status);
      if (status === 200)
        expect((res.body.items as TaskRequestResponseDto[]).some((r) => r.id === request.id)).toBe(sees);
    });
  });

  describe('GET /api/requests/:id', () => {
    it.each<[Actor, number]>([
      ['admin', 200],
      ['office', 200],
      ['leader', 200],
      ['lead', 200],
      ['coordinating', 404],
      ['outsider', 404],
      ['anonymous', 401],
    ])('%s → %i', async (actor, status) => {
      await t.http.get(`/api/requests/${request.id}`).set(as(actor)).expect(status);
    });
  });

  describe.each(['approve', 'reject'])('POST /api/requests/:id/%s', (decision) => {
    it.each<[Actor, number]>([
      ['admin', 200],
      ['office', 200],
      ['leader', 200],
      ['lead', 403],
      ['coordinating', 403],
      ['outsider', 403],
      ['anonymous', 401],
    ])('%s → %i', async (actor, status) => {
      const pending = await newRequest();
      const task = await taskRow(t, pending.taskId);
      const counts = await taskTableCounts(t);
      await t.http
        .post(`/api/requests/${pending.id}/${decision}`)
        .set(as(actor))
        .send({ comment: 'Ý kiến' })
        .expect(status);
      const after = await t.http.get(`/api/requests/${pending.id}`).set(as('office')).expect(200);
      if (status === 200) {
        expect(after.body.status).toBe(decision === 'approve' ? 'approved' : 'rejected');
      } else {
        expect(after.body.status).toBe('pending');
        expect(await taskRow(t, pending.taskId)).toEqual(task);
        expect(await taskTableCounts(t)).toEqual(counts);
      }
    });
  });
});

import { DataSource } from 'typeorm';
import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { TaskResponseDto } from 'src/modules/tasks/dto/task-response.dto';
import { Task } from 'src/modules/tasks/task.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask, makeTask, taskRow, taskTableCounts } from 'test/fixtures/tasks.fixture';
import { signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

/** Every bad input gets a clear error, and nothing changes: counts and rows are re-read after each. */
describe('tasks bad input (e2e)', () => {
  let t: TestApp;
  let office: string;
  let agency: string;
  let stc: AgencyResponseDto;
  let syt: AgencyResponseDto;
  let closed: AgencyResponseDto;
  let task: TaskResponseDto;

  const post = (body: unknown) =>
    t.http
      .post('/api/tasks')
      .set(bearer(office))
      .send(body as object);

  /** Runs `call`, expects `status`, and checks that no row of the tasks module changed. */
  async function refused(call: () => PromiseLike<{ status: number; body: any }>, status: number) {
    const counts = await taskTableCounts(t);
    const row = await taskRow(t, task.id);
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
      details: expect.any(Array),
    });
    expect(await taskTableCounts(t)).toEqual(counts);
    expect(await taskRow(t, task.id)).toEqual(row);
    return res.body as { message: string; details: { field: string; message: string }[] };
  }

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    const admin = await t.login();
    stc = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
    syt = await createAgency(t, admin, { code: 'SYT', name: 'Sở Y tế' });
    closed = await createAgency(t, admin, { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', active: false });
    const sessions = await signInEveryRole(t, stc.id);
    office = sessions[UserRole.Office].token;
    agency = sessions[UserRole.Agency].token;
    task = await createTask(t, office, { leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id] });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('creating', () => {
    it('should refuse impossible dates', async () => {
      for (const dueDate of [
        '2024-02-30',
        '2023-02-29',
        '2024-13-01',
        '2024-6-30',
        '30/06/2024',
        '2024-06-30T00:00:00Z',
        20240630,
        '',
      ]) {
        const body = await refused(() => post(makeTask({ leadAgencyId: stc.id, dueDate: dueDate as string })), 400);
        expect(body.details).toEqual([
          { field: 'dueDate', message: 'Thời hạn: phải là ngày hợp lệ dạng YYYY-MM-DD, từ 01/01/2000 đến 31/12/2100' },
        ]);
      }
      const assigned = await refused(() => post(makeTask({ leadAgencyId: stc.id, assignedAt: '2024-02-30' })), 400);
      expect(assigned.details.map((d) => d.field)).toEqual(['assignedAt']);
    });

    it('should refuse a due date before the assignment', async () => {
      const body = await refused(
        () => post(makeTask({ leadAgencyId: stc.id, assignedAt: '2024-03-01', dueDate: '2024-02-29' })),
        400,
      );
      expect(body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Thời hạn (29/02/2024) không được trước ngày giao (01/03/2024)',
        details: [
          { field: 'dueDate', message: 'Thời hạn: thời hạn (29/02/2024) không được trước ngày giao (01/03/2024)' },
        ],
      });
    });

    it('should require the fields without a default, naming each', async () => {
      const body = await refused(() => post({}), 400);
      expect([...new Set(body.details.map((d) => d.field))].sort()).toEqual([
        'dueDate',
        'kind',
        'leadAgencyId',
        'origin',
        'title',
      ]);
      const blank = await refused(() => post(makeTask({ leadAgencyId: stc.id, title: '   ' })), 400);
      expect(blank.details).toEqual([{ field: 'title', message: 'Nội dung: không được để trống' }]);
      await refused(() => post(makeTask({ leadAgencyId: stc.id, title: 'x'.repeat(2001) })), 400);
      await refused(() => post(makeTask({ leadAgencyId: stc.id, kind: 'nhiem_vu' as never })), 400);
      await refused(() => post(makeTask({ leadAgencyId: stc.id, origin: null as never })), 400);
    });

    it("should judge the lead agency on the task's assignedAt, as the importer does (issue #12)", async () => {
      const admin = await t.login();
      const old = await createAgency(t, admin, { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' });
      const heir = await createAgency(t, admin, { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' });
      await t.http
        .post(`/api/agencies/${old.id}/merge`)
        .set(bearer(admin))
        .send({ intoAgencyId: heir.id, date: '2025-02-28' })
        .expect(200);
      // A task of 2024 may still name the agency of 2024 …
      const past = await post(makeTask({ leadAgencyId: old.id, assignedAt: '2024-03-01', dueDate: '2024-06-28' }));
      expect(past.status).toBe(201);
      // … one assigned after the merge is refused, naming the successor.
      const later = await refused(
        () => post(makeTask({ leadAgencyId: old.id, assignedAt: '2025-06-02', dueDate: '2025-09-30' })),
        400,
      );
      expect(later.details).toEqual([
        {
          field: 'leadAgencyId',
          message:
            'Cơ quan chủ trì: Sở Tài nguyên và Môi trường đã ngừng hoạt động từ sau ngày 28/02/2025; cơ quan kế thừa: Sở Nông nghiệp và Môi trường (SNNMT)',
        },
      ]);
      const coordinating = await refused(
        () =>
          post(
            makeTask({
              leadAgencyId: stc.id,
              coordinatingAgencyIds: [old.id],
              assignedAt: '2025-06-02',
              dueDate: '2025-09-30',
            }),
          ),
        400,
      );
      expect(coordinating.details[0].field).toBe('coordinatingAgencyIds');
    });

    it('should refuse agencies and programs that do not exist, and a lead agency that also coordinates', async () => {
      const lead = await refused(() => post(makeTask({ leadAgencyId: 987654 })), 400);
      expect(lead.details).toEqual([
        { field: 'leadAgencyId', message: 'Cơ quan chủ trì: không tìm thấy cơ quan, đơn vị có mã định danh 987654' },
      ]);
      const coordinating = await refused(
        () => post(makeTask({ leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id, 987654] })),
        400,
      );
      expect(coordinating.details.map((d) => d.field)).toEqual(['coordinatingAgencyIds']);
      const both = await refused(() => post(makeTask({ leadAgencyId: stc.id, coordinatingAgencyIds: [stc.id] })), 400);
      expect(both.message).toBe('Cơ quan chủ trì không được đồng thời là cơ quan phối hợp');
      const program = await refused(() => post(makeTask({ leadAgencyId: stc.id, programId: 987654 })), 400);
      expect(program.details.map((d) => d.field)).toEqual(['programId']);
      const inactive = await refused(() => post(makeTask({ leadAgencyId: closed.id })), 400);
      expect(inactive.message).toBe('Sở Kế hoạch và Đầu tư đã ngừng hoạt động');
      await refused(() => post(makeTask({ leadAgencyId: 'abc' as never })), 400);
      await refused(() => post(makeTask({ leadAgencyId: 99999999999 })), 400);
      await refused(() => post(makeTask({ leadAgencyId: stc.id, coordinatingAgencyIds: ['x'] as never })), 400);
      await refused(() => post(makeTask({ leadAgencyId: stc.id, coordinatingAgencyIds: [syt.id, syt.id] })), 400);
      await refused(() => post(makeTask({ leadAgencyId: stc.id, coordinatingAgencyIds: syt.id as never })), 400);
    });

    it('should refuse unknown fields, including ones the server sets itself', async () => {
      for (const field of ['status', 'version', 'effectiveDueDate', 'searchText', 'id', 'isAdmin']) {
        const body = await refused(() => post({ ...makeTask({ leadAgencyId: stc.id }), [field]: 'x' }), 400);
        expect(body.details).toContainEqual({ field, message: `Trường “${field}” không được phép` });
      }
    });

    it('should answer 413 to a huge body and 400 to deeply nested or malformed JSON', async () => {
      const huge = JSON.stringify(makeTask({ leadAgencyId: stc.id, description: 'x'.repeat(3 * 1024 * 1024) }));
      const big = await refused(
        () => t.http.post('/api/tasks').set(bearer(office)).set('Content-Type', 'application/json').send(huge),
        413,
      );
      expect(big.message).toMatch(/vượt quá dung lượng/);
      const nested = JSON.stringify({
        ...makeTask({ leadAgencyId: stc.id }),
        description: JSON.parse('{"a":'.repeat(100) + '1' + '}'.repeat(100)),
      });
      const deep = await refused(
        () => t.http.post('/api/tasks').set(bearer(office)).set('Content-Type', 'application/json').send(nested),
        400,
      );
      expect(deep.message).toMatch(/lồng nhau/);
      const shallowObject = await refused(
        () => post({ ...makeTask({ leadAgencyId: stc.id }), description: { $gt: '' } }),
        400,
      );
      expect(new Set(shallowObject.details.map((d) => d.field))).toEqual(new Set(['description']));
      const malformed = await refused(
        () => t.http.post('/api/tasks').set(bearer(office)).set('Content-Type', 'application/json').send('{"title": '),
        400,
      );
      expect(malformed.message).toMatch(/không hợp lệ/);
      await refused(() => post([makeTask({ leadAgencyId: stc.id })]), 400);
    });

    it('should store SQL and <script> text verbatim and return it unchanged, never running it', async () => {
      const title = `Robert'); DROP TABLE tasks;-- <script>alert("xss")</script> & "quotes" \\ % _`;
      const description = `<img src=x onerror=alert(1)> ' OR '1'='1`;
      const res = await post(
        makeTask({ leadAgencyId: stc.id, title, description, code: `'; DELETE FROM tasks; --` }),
      ).expect(201);
      expect(res.body).toMatchObject({ title, description, code: `'; DELETE FROM tasks; --` });
      expect((await t.http.get(`/api/tasks/${res.body.id}`).set(bearer(office)).expect(200)).body.title).toBe(title);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const stored = await t
        .get(DataSource)
        .getRepository(Task)
        .findOneBy({ id: res.body.id as number });
      expect(stored!.title).toBe(title);
      // The table is still there and whole.
      expect(await t.get(DataSource).getRepository(Task).count()).toBeGreaterThanOrEqual(2);
      const found = await t.http
        .get(`/api/tasks?q=${encodeURIComponent('DROP TABLE tasks;--')}`)
        .set(bearer(office))
        .expect(200);
      expect(found.body.items.map((i: TaskResponseDto) => i.id)).toEqual([res.body.id]);
    });
  });

  describe('listing', () => {
    it.each([
      ['limit=100000', 'limit'],
      ['limit=0', 'limit'],
      ['limit=-5', 'limit'],
      ['limit=ten', 'limit'],
      ['page=-1', 'page'],
      ['page=0', 'page'],
      ['page=1.5', 'page'],
      ['page=abc', 'page'],
      ['status=unknown', 'status'],
      ['status=new&status=finished', 'status'],
      ['timeliness=late_ish', 'timeliness'],
      ['timeliness=none', 'timeliness'],
      ['asOf=2024-02-30', 'asOf'],
      ['dueFrom=yesterday', 'dueFrom'],
      ['dueTo=2024-13-01', 'dueTo'],
      ['dueFrom=2024-07-01&dueTo=2024-06-01', 'dueTo'],
      ['sort=colour', 'sort'],
      ['sort=--title', 'sort'],
      ['sort=dueDate;DROP TABLE tasks', 'sort'],
      ['programId=abc', 'programId'],
      ['agencyId=1.5', 'agencyId'],
      ['involvingAgencyId=-3', 'involvingAgencyId'],
      ['agencyId=99999999999', 'agencyId'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=a&q=b', 'q'],
      ['unknown=1', 'unknown'],
    ])('should refuse ?%s naming %s', async (query, field) => {
      const body = await refused(() => t.http.get(`/api/tasks?${query}`).set(bearer(office)), 400);
      expect(body.details.map((d) => d.field)).toContain(field);
    });

    it('should search SQL, FTS syntax and punctuation in q as plain words, never as an error', async () => {
      const found = async (q: string) =>
        (
          await t.http
            .get(`/api/tasks?q=${encodeURIComponent(q)}`)
            .set(bearer(office))
            .expect(200)
        ).body as { total: number; items: TaskResponseDto[] };
      // The search is by words (task-search.ts): the SQL is a phrase like any other …
      expect((await found('"; DELETE FROM tasks; --')).items.map((i) => i.code)).toEqual(["'; DELETE FROM tasks; --"]);
      expect((await found("' OR 1=1 --")).items.map((i) => i.description)).toEqual([`<img src=x onerror=alert(1)> ' OR '1'='1`]);
      expect((await found('<script>alert(1)</script>')).total).toBe(0);
      // … FTS5 and tsquery operators are words or separators, never syntax …
      for (const q of ['NEAR(a b)', 'a OR b', 'a AND NOT b', '"unclosed', 'title:x', '-x', '^x', '*', 'x*', '(', "'a' & !b | c:*", '<->']) {
        expect((await found(q)).total).toBeGreaterThanOrEqual(0);
      }
      // … and a query without a letter or digit has nothing to search for: no task, rather than every task.
      for (const q of ['%%', '\\', '%', '_', '"', '--']) expect((await found(q)).total).toBe(0);
    });
  });

  describe('ids', () => {
    it.each(['abc', '-1', '0', '1.5', '1e3', '2147483648', '9999999999', '12345678901', "1' OR '1'='1"])(
      'should answer 400 to the id %s on every task route',
      async (id) => {
        const path = `/api/tasks/${encodeURIComponent(id)}`;
        for (const call of [
          () => t.http.get(path).set(bearer(office)),
          () => t.http.get(`${path}/history`).set(bearer(office)),
          () => t.http.patch(path).set(bearer(office)).send({ version: 1, note: 'x' }),
          () => t.http.post(`${path}/requests`).set(bearer(agency)).send({ type: 'withdrawal', reason: 'x' }),
          () => t.http.get(`/api/requests/${encodeURIComponent(id)}`).set(bearer(office)),
          () =>
            t.http
              .post(`/api/requests/${encodeURIComponent(id)}/approve`)
              .set(bearer(office))
              .send({}),
        ]) {
          const body = await refused(call, 400);
          expect(body.details).toEqual([{ field: 'id', message: 'Mã định danh: phải là số nguyên dương' }]);
        }
      },
    );

    it.each(['987654', '2147483647'])('should answer 404 to the id %s that does not exist', async (id) => {
      await refused(() => t.http.get(`/api/tasks/${id}`).set(bearer(office)), 404);
      await refused(() => t.http.get(`/api/tasks/${id}/history`).set(bearer(office)), 404);
      await refused(() => t.http.patch(`/api/tasks/${id}`).set(bearer(office)).send({ version: 1, note: 'x' }), 404);
      await refused(
        () => t.http.post(`/api/tasks/${id}/requests`).set(bearer(agency)).send({ type: 'withdrawal', reason: 'x' }),
        404,
      );
      await refused(() => t.http.get(`/api/requests/${id}`).set(bearer(office)), 404);
      await refused(() => t.http.post(`/api/requests/${id}/approve`).set(bearer(office)).send({}), 404);
      await refused(() => t.http.post(`/api/requests/${id}/reject`).set(bearer(office)).send({ comment: 'x' }), 404);
    });
  });

  describe('updating', () => {
    const patch = (body: unknown, token = office) =>
      t.http
        .patch(`/api/tasks/${task.id}`)
        .set(bearer(token))
        .send(body as object);
    const version = async () => (await taskRow(t, task.id))!.version;

    it('should require the version, as a whole number', async () => {
      const missing = await refused(() => patch({ note: 'x' }), 400);
      expect(missing.details.map((d) => d.field)).toContain('version');
      await refused(() => patch({ version: '1', note: 'x' }), 400);
      await refused(() => patch({ version: 1.5, note: 'x' }), 400);
      await refused(() => patch({ version: null, note: 'x' }), 400);
    });

    it.each([
      [{ title: null }, 'title'],
      [{ title: '' }, 'title'],
      [{ kind: null }, 'kind'],
      [{ leadAgencyId: null }, 'leadAgencyId'],
      [{ origin: null }, 'origin'],
      [{ assignedAt: null }, 'assignedAt'],
      [{ status: null }, 'status'],
      [{ status: 'closed' }, 'status'],
      [{ progress: 101 }, 'progress'],
      [{ progress: -1 }, 'progress'],
      [{ progress: 50.5 }, 'progress'],
      [{ progress: null }, 'progress'],
      [{ dueDate: '2024-02-30' }, 'dueDate'],
      [{ dueDate: '2023-12-31' }, 'dueDate'],
      [{ completedAt: '2024-02-30' }, 'completedAt'],
      [{ submittedAt: '2024-02-30' }, 'submittedAt'],
      [{ submittedAt: '2024-06-20' }, 'submittedAt'],
      [{ status: 'submitted', submittedAt: '2099-01-01' }, 'submittedAt'],
      [{ status: 'submitted', submittedAt: '2020-01-01' }, 'submittedAt'],
      [{ status: 'submitted', submittedAt: null }, 'submittedAt'],
      [{ leadAgencyId: 987654 }, 'leadAgencyId'],
      [{ coordinatingAgencyIds: [987654] }, 'coordinatingAgencyIds'],
      [{ programId: 987654 }, 'programId'],
      [{ comment: 'x'.repeat(2001) }, 'comment'],
      [{ searchText: 'x' }, 'searchText'],
      [{ effectiveDueDate: '2024-12-31' }, 'effectiveDueDate'],
      [{ createdById: 1 }, 'createdById'],
    ])('should refuse %j naming %s, changing nothing', async (change, field) => {
      const body = await refused(async () => patch({ version: await version(), ...(change as object) }), 400);
      expect(body.details.map((d) => d.field)).toContain(field);
    });

    it('should refuse a due date before the assignment, also when the assignment moves', async () => {
      const body = await refused(async () => patch({ version: await version(), assignedAt: '2024-07-01' }), 400);
      expect(body.details).toEqual([
        { field: 'dueDate', message: 'Thời hạn: thời hạn (28/06/2024) không được trước ngày giao (01/07/2024)' },
      ]);
    });

    it('should refuse a lead agency that already coordinates the task', async () => {
      const body = await refused(async () => patch({ version: await version(), leadAgencyId: syt.id }), 400);
      expect(body.details.map((d) => d.field)).toEqual(['coordinatingAgencyIds']);
    });

    it('should refuse SQL-looking ids in the coordinating agencies', async () => {
      await refused(
        async () => patch({ version: await version(), coordinatingAgencyIds: ['1; DROP TABLE tasks'] }),
        400,
      );
    });

    it('should keep text with SQL and markup verbatim on update', async () => {
      const note = `</textarea><script>fetch('/api/users')</script>'; UPDATE tasks SET status='done' --`;
      const res = await patch({ version: await version(), note }).expect(200);
      expect(res.body.note).toBe(note);
      expect((await taskRow(t, task.id))!).toMatchObject({ note, status: 'new' });
    });
  });

  describe('requests', () => {
    it.each([
      [{ type: 'extension', reason: 'x', proposedDueDate: '2024-02-30' }, 'proposedDueDate'],
      [{ type: 'extension', reason: 'x' }, 'proposedDueDate'],
      [{ type: 'everything', reason: 'x' }, 'type'],
      [{ type: 'withdrawal' }, 'reason'],
      [{ type: 'withdrawal', reason: 'x'.repeat(2001) }, 'reason'],
      [{ type: 'withdrawal', reason: 'x', status: 'approved' }, 'status'],
    ])('should refuse %j naming %s', async (bodyIn, field) => {
      const body = await refused(
        () => t.http.post(`/api/tasks/${task.id}/requests`).set(bearer(agency)).send(bodyIn),
        400,
      );
      expect(body.details.map((d) => d.field)).toContain(field);
    });

    it('should refuse a decision with unknown fields', async () => {
      const pending = await t.http
        .post(`/api/tasks/${task.id}/requests`)
        .set(bearer(agency))
        .send({ type: 'deferral', reason: 'x' })
        .expect(201);
      const body = await refused(
        () =>
          t.http.post(`/api/requests/${pending.body.id}/approve`).set(bearer(office)).send({ dueDate: '2030-01-01' }),
        400,
      );
      expect(body.details).toEqual([{ field: 'dueDate', message: 'Trường “dueDate” không được phép' }]);
      await refused(
        () => t.http.post(`/api/requests/${pending.body.id}/reject`).set(bearer(office)).send({ comment: '' }),
        400,
      );
    });
  });
});

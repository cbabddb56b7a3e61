import { ProgramResponseDto } from 'src/modules/programs/dto/program-response.dto';
import { ProgramPeriod } from 'src/modules/programs/program.enums';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { createProgram, makeProgram } from 'test/fixtures/programs.fixture';
import { ALL_ROLES, RoleSession, signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const fieldsOf = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

describe('programs (e2e)', () => {
  let t: TestApp;
  let sessions: Record<UserRole, RoleSession>;
  let admin: string;
  let office: string;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    admin = await t.login();
    const agency = await createAgency(t, admin);
    sessions = await signInEveryRole(t, agency.id);
    office = sessions.office.token;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('permissions', () => {
    it.each([
      [UserRole.Admin, 201, 200],
      [UserRole.Office, 201, 200],
      [UserRole.Leader, 403, 403],
      [UserRole.Agency, 403, 403],
    ])('should answer %s with %i on create and %i on update, and let it read', async (role, createStatus, updateStatus) => {
      const { token } = sessions[role];
      const existing = await createProgram(t, admin);
      const created = await t.http.post('/api/programs').set(bearer(token)).send(makeProgram());
      expect(created.status).toBe(createStatus);
      const updated = await t.http.patch(`/api/programs/${existing.id}`).set(bearer(token)).send({ title: 'Chương trình đã sửa' });
      expect(updated.status).toBe(updateStatus);
      const after = await t.http.get(`/api/programs/${existing.id}`).set(bearer(token)).expect(200);
      expect(after.body.title).toBe(updateStatus === 200 ? 'Chương trình đã sửa' : existing.title);
      const list = await t.http.get('/api/programs').set(bearer(token)).expect(200);
      expect(list.body.items.map((p: ProgramResponseDto) => p.id)).toContain(existing.id);
    });

    it('should refuse every programs route without a token', async () => {
      await t.http.get('/api/programs').expect(401);
      await t.http.get('/api/programs/1').expect(401);
      await t.http.post('/api/programs').send(makeProgram()).expect(401);
      await t.http.patch('/api/programs/1').send({ title: 'x' }).expect(401);
    });

    it.each(ALL_ROLES)('should show %s the same program', async (role) => {
      const p = await createProgram(t, office);
      const res = await t.http.get(`/api/programs/${p.id}`).set(bearer(sessions[role].token)).expect(200);
      expect(res.body).toEqual(p);
    });
  });

  describe('create, get, update', () => {
    it('should create a program and return its public fields', async () => {
      const res = await t.http
        .post('/api/programs')
        .set(bearer(office))
        .send({ code: 'ctct-2025', title: '  Chương trình công tác năm 2025 của UBND tỉnh ', year: 2025, period: 'year', issuingDocument: 'Số 45/CTr-UBND', issuedAt: '2024-12-20' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        code: 'CTCT-2025',
        title: 'Chương trình công tác năm 2025 của UBND tỉnh',
        year: 2025,
        period: 'year',
        periodNumber: null,
        issuingDocument: 'Số 45/CTr-UBND',
        issuedAt: '2024-12-20',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const minimal = await t.http.post('/api/programs').set(bearer(office)).send({ code: 'CTCT-2025/Q1', title: 'Quý I/2025', year: 2025, period: 'quarter', periodNumber: 1 }).expect(201);
      expect(minimal.body).toMatchObject({ periodNumber: 1, issuingDocument: null, issuedAt: null });
    });

    it('should update only the fields sent, and clear the optional ones with null', async () => {
      const p = await createProgram(t, office);
      const res = await t.http.patch(`/api/programs/${p.id}`).set(bearer(office)).send({ period: 'half', periodNumber: 2, issuedAt: null, issuingDocument: null }).expect(200);
      expect(res.body).toMatchObject({ code: p.code, title: p.title, year: p.year, period: 'half', periodNumber: 2, issuedAt: null, issuingDocument: null });
    });

    it('should keep SQL and markup in titles verbatim', async () => {
      for (const title of [`Chương trình'); DROP TABLE programs;--`, '<script>alert("xss")</script> Kế hoạch', '"; DELETE FROM tasks; --']) {
        const p = await createProgram(t, office, { title, issuingDocument: title });
        const got = await t.http.get(`/api/programs/${p.id}`).set(bearer(sessions.agency.token)).expect(200);
        expect(got.body).toMatchObject({ title, issuingDocument: title });
      }
      await t.http.get('/api/programs').set(bearer(admin)).expect(200);
    });

    it('should answer 409 to a duplicate code, whatever its case, on create and on update', async () => {
      const a = await createProgram(t, office, { code: 'DUP-P1' });
      const b = await createProgram(t, office, { code: 'DUP-P2' });
      const res = await t.http.post('/api/programs').set(bearer(office)).send(makeProgram({ code: 'dup-p1' })).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Mã chương trình DUP-P1 đã được sử dụng',
        details: [{ field: 'code', message: 'Mã: mã DUP-P1 đã được sử dụng' }],
      });
      await t.http.patch(`/api/programs/${b.id}`).set(bearer(office)).send({ code: 'DUP-P1' }).expect(409);
      await t.http.patch(`/api/programs/${a.id}`).set(bearer(office)).send({ code: 'DUP-P1', title: 'Giữ mã' }).expect(200);
    });
  });

  describe('bad input', () => {
    it('should name every missing required field', async () => {
      const res = await t.http.post('/api/programs').set(bearer(office)).send({}).expect(400);
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['code', 'title', 'year', 'period']));
    });

    it.each([
      ['code', { code: 'CT 2024' }],
      ['code', { code: '<script>' }],
      ['code', { code: "'; DROP TABLE programs;--" }],
      ['code', { code: 'x'.repeat(65) }],
      ['code', { code: '' }],
      ['title', { title: '' }],
      ['title', { title: 'x'.repeat(501) }],
      ['title', { title: 'x'.repeat(200_000) }],
      ['title', { title: ['a'] }],
      ['year', { year: '2024' }],
      ['year', { year: 2024.5 }],
      ['year', { year: 1999 }],
      ['year', { year: 2101 }],
      ['period', { period: 'week' }],
      ['periodNumber', { period: 'quarter' }],
      ['periodNumber', { period: 'quarter', periodNumber: null }],
      ['periodNumber', { period: 'quarter', periodNumber: 5 }],
      ['periodNumber', { period: 'quarter', periodNumber: 0 }],
      ['periodNumber', { period: 'half', periodNumber: 3 }],
      ['periodNumber', { period: 'month', periodNumber: 13 }],
      ['periodNumber', { period: 'month', periodNumber: 2.5 }],
      ['periodNumber', { period: 'month', periodNumber: '2' }],
      ['periodNumber', { period: 'year', periodNumber: 1 }],
      ['issuingDocument', { issuingDocument: 'x'.repeat(256) }],
      ['issuingDocument', { issuingDocument: 12 }],
      ['issuedAt', { issuedAt: '2024-13-01' }],
      ['issuedAt', { issuedAt: '2024-02-29T00:00:00Z' }],
      ['reminderPolicy', { reminderPolicy: { enabled: false } }],
      ['id', { id: 5 }],
    ])('should refuse a bad %s on create (%j) and store nothing', async (field, patch) => {
      const before = (await t.http.get('/api/programs').set(bearer(office))).body.total;
      const res = await t.http.post('/api/programs').set(bearer(office)).send({ ...makeProgram(), ...patch }).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect((await t.http.get('/api/programs').set(bearer(office))).body.total).toBe(before);
    });

    it.each([
      ['title', { title: null }],
      ['code', { code: null }],
      ['year', { year: null }],
      ['period', { period: null }],
      ['year', { year: 'next' }],
      ['version', { version: 3 }],
      ['periodNumber', { period: 'quarter' }],
      ['periodNumber', { period: 'half', periodNumber: 4 }],
      ['periodNumber', { periodNumber: 2 }],
    ])('should refuse a bad %s on update (%j) and change nothing', async (field, patch) => {
      const p = await createProgram(t, office);
      const res = await t.http.patch(`/api/programs/${p.id}`).set(bearer(office)).send(patch).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect((await t.http.get(`/api/programs/${p.id}`).set(bearer(office))).body).toEqual(p);
    });

    it('should give the period number in Vietnamese, and clear it when a program becomes a year program', async () => {
      const q = await createProgram(t, office, { period: ProgramPeriod.Quarter, periodNumber: 2 });
      const res = await t.http.patch(`/api/programs/${q.id}`).set(bearer(office)).send({ periodNumber: 5 }).expect(400);
      expect(res.body.details).toEqual([{ field: 'periodNumber', message: 'Số kỳ: quý phải từ 1 đến 4' }]);
      expect((await t.http.get(`/api/programs/${q.id}`).set(bearer(office))).body).toEqual(q);
      const missing = await t.http.post('/api/programs').set(bearer(office)).send({ ...makeProgram(), period: 'month' }).expect(400);
      expect(missing.body.details).toEqual([{ field: 'periodNumber', message: 'Số kỳ: bắt buộc với chương trình tháng (từ 1 đến 12)' }]);
      const y = await t.http.patch(`/api/programs/${q.id}`).set(bearer(office)).send({ period: 'year' }).expect(200);
      expect(y.body).toMatchObject({ period: 'year', periodNumber: null });
    });

    it.each(['abc', '0', '-3', '2.5', '1e2', '99999999999'])('should answer 400 to the id %s', async (id) => {
      const res = await t.http.get(`/api/programs/${id}`).set(bearer(office)).expect(400);
      expect(res.body.message).toBe('Mã định danh không hợp lệ');
      await t.http.patch(`/api/programs/${id}`).set(bearer(office)).send({ title: 'x' }).expect(400);
    });

    it('should answer 404 in Vietnamese to an unknown id', async () => {
      const res = await t.http.get('/api/programs/99999999').set(bearer(office)).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Không tìm thấy chương trình công tác', details: [] });
      await t.http.patch('/api/programs/99999999').set(bearer(office)).send({ title: 'x' }).expect(404);
    });

    it.each([
      ['page', { page: -1 }],
      ['page', { page: 'first' }],
      ['limit', { limit: 1000 }],
      ['year', { year: 'abc' }],
      ['year', { year: 1800 }],
      ['period', { period: 'decade' }],
      ['q', { q: 'x' }],
    ])('should refuse a bad list query %s (%j)', async (field, query) => {
      const res = await t.http.get('/api/programs').query(query).set(bearer(office)).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    });
  });

  describe('list', () => {
    beforeAll(async () => {
      await createProgram(t, office, { code: 'Y2030-A', year: 2030, period: ProgramPeriod.Year });
      await createProgram(t, office, { code: 'Y2030-B', year: 2030, period: ProgramPeriod.Quarter, periodNumber: 3 });
      await createProgram(t, office, { code: 'Y2031-A', year: 2031, period: ProgramPeriod.Month, periodNumber: 12 });
    });

    const codes = async (query: Record<string, unknown>) => {
      const res = await t.http.get('/api/programs').query(query).set(bearer(sessions.leader.token)).expect(200);
      return (res.body.items as ProgramResponseDto[]).map((p) => p.code);
    };

    it('should filter by year and period', async () => {
      expect(await codes({ year: 2030 })).toEqual(['Y2030-A', 'Y2030-B']);
      expect(await codes({ year: 2030, period: 'quarter' })).toEqual(['Y2030-B']);
      expect(await codes({ year: 2031 })).toEqual(['Y2031-A']);
      expect(await codes({ year: 2099 })).toEqual([]);
    });

    it('should list the newest year first and page with a total', async () => {
      const all = await t.http.get('/api/programs').query({ limit: 500 }).set(bearer(admin)).expect(200);
      const years = (all.body.items as ProgramResponseDto[]).map((p) => p.year);
      expect(years[0]).toBe(2031);
      expect([...years].sort((a, b) => b - a)).toEqual(years);
      const page = await t.http.get('/api/programs').query({ page: 2, limit: 1 }).set(bearer(admin)).expect(200);
      expect(page.body).toMatchObject({ total: all.body.total, page: 2, limit: 1 });
      expect(page.body.items).toEqual([all.body.items[1]]);
    });
  });

  it('should document every programs route in /api/docs', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(json.body.paths['/api/programs'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(json.body.paths['/api/programs/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(json.body.components.schemas.CreateProgramDto.properties.code.example).toBe('CTCT-2024');
  });
});

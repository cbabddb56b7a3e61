import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { UserResponseDto } from 'src/modules/users/dto/user.dto';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { createUser, makeUser, RoleSession, signInEveryRole, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TEST_ADMIN, TestApp } from 'test/utils/create-test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const fieldsOf = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);
const PUBLIC_FIELDS = ['id', 'email', 'fullName', 'role', 'agencyId', 'active', 'remindersOptOut'].sort();

describe('users (e2e)', () => {
  let t: TestApp;
  let sessions: Record<UserRole, RoleSession>;
  let admin: string;
  let agency: AgencyResponseDto;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    admin = await t.login();
    agency = await createAgency(t, admin);
    sessions = await signInEveryRole(t, agency.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('permissions', () => {
    it.each([UserRole.Office, UserRole.Leader, UserRole.Agency])('should refuse every users route to %s', async (role) => {
      const { token, user } = sessions[role];
      await t.http.get('/api/users').set(bearer(token)).expect(403);
      await t.http.get(`/api/users/${user.id}`).set(bearer(token)).expect(403);
      await t.http.post('/api/users').set(bearer(token)).send(makeUser()).expect(403);
      // Not even on their own account: a user cannot make themselves admin.
      const res = await t.http.patch(`/api/users/${user.id}`).set(bearer(token)).send({ role: 'admin' }).expect(403);
      expect(res.body.message).toBe('Bạn không có quyền thực hiện thao tác này');
      const me = await t.http.get('/api/me').set(bearer(token)).expect(200);
      expect(me.body.role).toBe(role);
    });

    it('should let the admin use every users route', async () => {
      const created = await t.http.post('/api/users').set(bearer(admin)).send(makeUser()).expect(201);
      await t.http.get('/api/users').set(bearer(admin)).expect(200);
      await t.http.get(`/api/users/${created.body.id}`).set(bearer(admin)).expect(200);
      await t.http.patch(`/api/users/${created.body.id}`).set(bearer(admin)).send({ fullName: 'Trần Văn Bình' }).expect(200);
    });

    it('should refuse every users route without a token', async () => {
      await t.http.get('/api/users').expect(401);
      await t.http.get('/api/users/1').expect(401);
      await t.http.post('/api/users').send(makeUser()).expect(401);
      await t.http.patch('/api/users/1').send({ fullName: 'x' }).expect(401);
    });
  });

  describe('create, get, update', () => {
    it('should create users of every role and never return a password or its hash', async () => {
      for (const role of Object.values(UserRole)) {
        const body = makeUser({ role, agencyId: role === UserRole.Agency ? agency.id : undefined });
        const res = await t.http.post('/api/users').set(bearer(admin)).send(body).expect(201);
        expect(Object.keys(res.body).sort()).toEqual(PUBLIC_FIELDS);
        expect(res.body).toMatchObject({ email: body.email, fullName: body.fullName, role, agencyId: role === UserRole.Agency ? agency.id : null, active: true });
        const got = await t.http.get(`/api/users/${res.body.id}`).set(bearer(admin)).expect(200);
        expect(got.body).toEqual(res.body);
        await t.login(body.email, TEST_USER_PASSWORD);
      }
      const list = await t.http.get('/api/users').query({ limit: 500 }).set(bearer(admin)).expect(200);
      const text = JSON.stringify(list.body);
      expect(text).not.toMatch(/password|hash|\$2[aby]\$/i);
      expect(text).not.toContain(TEST_USER_PASSWORD);
      for (const u of list.body.items as UserResponseDto[]) expect(Object.keys(u).sort()).toEqual(PUBLIC_FIELDS);
    });

    it('should store the email lowercase and trimmed, and answer 409 to a duplicate in any case', async () => {
      const res = await t.http.post('/api/users').set(bearer(admin)).send(makeUser({ email: '  Le.Thi.Hoa@NhiemVu.example ' })).expect(201);
      expect(res.body.email).toBe('le.thi.hoa@nhiemvu.example');
      const dup = await t.http.post('/api/users').set(bearer(admin)).send(makeUser({ email: 'LE.THI.HOA@nhiemvu.example' })).expect(409);
      expect(dup.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'Email đã được sử dụng', details: [{ field: 'email', message: 'Email: đã được sử dụng' }] });
      const other = await createUser(t, admin);
      await t.http.patch(`/api/users/${other.id}`).set(bearer(admin)).send({ email: 'le.thi.hoa@nhiemvu.example' }).expect(409);
      await t.http.patch(`/api/users/${other.id}`).set(bearer(admin)).send({ email: TEST_ADMIN.email.toUpperCase() }).expect(409);
      // Its own address is no conflict.
      await t.http.patch(`/api/users/${res.body.id}`).set(bearer(admin)).send({ email: 'LE.THI.HOA@nhiemvu.example' }).expect(200);
    });

    it('should require an existing, active agency for role agency', async () => {
      const missing = await t.http.post('/api/users').set(bearer(admin)).send(makeUser({ role: UserRole.Agency })).expect(400);
      expect(missing.body.details).toEqual([{ field: 'agencyId', message: 'Cơ quan: bắt buộc với tài khoản của cơ quan, đơn vị' }]);
      const unknown = await t.http.post('/api/users').set(bearer(admin)).send(makeUser({ role: UserRole.Agency, agencyId: 99999999 })).expect(400);
      expect(unknown.body.details).toEqual([{ field: 'agencyId', message: 'Cơ quan: không tìm thấy cơ quan, đơn vị có mã định danh 99999999' }]);
      const closed = await createAgency(t, admin, { name: 'Sở Đã đóng', active: false });
      const inactive = await t.http.post('/api/users').set(bearer(admin)).send(makeUser({ role: UserRole.Agency, agencyId: closed.id })).expect(400);
      expect(inactive.body.details).toEqual([{ field: 'agencyId', message: 'Cơ quan: cơ quan, đơn vị Sở Đã đóng đã ngừng hoạt động' }]);
      await t.http.post('/api/users').set(bearer(admin)).send(makeUser({ role: UserRole.Agency, agencyId: null })).expect(400);

      const office = await createUser(t, admin);
      await t.http.patch(`/api/users/${office.id}`).set(bearer(admin)).send({ role: 'agency' }).expect(400);
      await t.http.patch(`/api/users/${office.id}`).set(bearer(admin)).send({ role: 'agency', agencyId: 99999999 }).expect(400);
      const moved = await t.http.patch(`/api/users/${office.id}`).set(bearer(admin)).send({ role: 'agency', agencyId: agency.id }).expect(200);
      expect(moved.body).toMatchObject({ role: 'agency', agencyId: agency.id });
      await t.http.patch(`/api/users/${office.id}`).set(bearer(admin)).send({ agencyId: null }).expect(400);
      // Back to office: the agency goes.
      const back = await t.http.patch(`/api/users/${office.id}`).set(bearer(admin)).send({ role: 'office' }).expect(200);
      expect(back.body).toMatchObject({ role: 'office', agencyId: null });
    });

    it('should keep an agency user whose agency was merged editable', async () => {
      const old = await createAgency(t, admin);
      const into = await createAgency(t, admin);
      const user = await createUser(t, admin, { role: UserRole.Agency, agencyId: old.id });
      await t.http.post(`/api/agencies/${old.id}/merge`).set(bearer(admin)).send({ intoAgencyId: into.id, date: '2025-02-28' }).expect(200);
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ fullName: 'Phạm Văn Cường' }).expect(200);
      const moved = await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ agencyId: into.id }).expect(200);
      expect(moved.body.agencyId).toBe(into.id);
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ agencyId: old.id }).expect(400);
    });

    it('should keep markup and SQL in names verbatim', async () => {
      for (const fullName of ['<script>alert(1)</script>', "Nguyễn Văn A'); DROP TABLE users;--"]) {
        const u = await createUser(t, admin, { fullName });
        expect((await t.http.get(`/api/users/${u.id}`).set(bearer(admin))).body.fullName).toBe(fullName);
      }
    });

    it('should sign a user out everywhere on a new password or when locked, and back in when unlocked', async () => {
      const user = await createUser(t, admin);
      const token = await t.login(user.email, TEST_USER_PASSWORD);
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ remindersOptOut: true, fullName: 'Tên mới' }).expect(200);
      await t.http.get('/api/me').set(bearer(token)).expect(200);
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ password: 'mot-mat-khau-moi' }).expect(200);
      await t.http.get('/api/me').set(bearer(token)).expect(401);
      await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_USER_PASSWORD }).expect(401);
      await t.login(user.email, 'mot-mat-khau-moi');
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      await t.http.post('/api/auth/login').send({ email: user.email, password: 'mot-mat-khau-moi' }).expect(401);
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ active: true }).expect(200);
      await t.login(user.email, 'mot-mat-khau-moi');
    });

    it('should refuse to demote or lock the last active admin', async () => {
      const me = sessions.admin.user;
      const admins = await t.http.get('/api/users').query({ role: 'admin', active: true }).set(bearer(admin)).expect(200);
      for (const other of admins.body.items as UserResponseDto[]) {
        if (other.id !== me.id) await t.http.patch(`/api/users/${other.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      }
      const demote = await t.http.patch(`/api/users/${me.id}`).set(bearer(admin)).send({ role: 'office' }).expect(400);
      expect(demote.body.message).toMatch(/quản trị cuối cùng/);
      await t.http.patch(`/api/users/${me.id}`).set(bearer(admin)).send({ active: false }).expect(400);
      // With a second admin, the first may step down.
      const second = await createUser(t, admin, { role: UserRole.Admin });
      const secondToken = await t.login(second.email, TEST_USER_PASSWORD);
      await t.http.patch(`/api/users/${second.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      await t.http.get('/api/me').set(bearer(secondToken)).expect(401);
      await t.http.patch(`/api/users/${second.id}`).set(bearer(admin)).send({ active: true }).expect(200);
    });
  });

  describe('bad input', () => {
    it('should name every missing required field', async () => {
      const res = await t.http.post('/api/users').set(bearer(admin)).send({}).expect(400);
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['email', 'fullName', 'role', 'password']));
    });

    it.each([
      ['email', { email: 'not-an-email' }],
      ['email', { email: 'a@' }],
      ['email', { email: `${'x'.repeat(250)}@nhiemvu.example` }],
      ['email', { email: 42 }],
      ['fullName', { fullName: 'A' }],
      ['fullName', { fullName: '  ' }],
      ['fullName', { fullName: 'x'.repeat(256) }],
      ['fullName', { fullName: 'x'.repeat(300_000) }],
      ['role', { role: 'root' }],
      ['password', { password: 'short' }],
      ['password', { password: 'x'.repeat(201) }],
      ['password', { password: 1234567890123 }],
      ['agencyId', { role: 'agency', agencyId: 'abc' }],
      ['agencyId', { role: 'agency', agencyId: 0 }],
      ['agencyId', { role: 'agency', agencyId: 99999999999 }],
      ['passwordHash', { passwordHash: '$2a$10$abc' }],
      ['tokenVersion', { tokenVersion: 5 }],
      ['active', { active: 'yes' }],
    ])('should refuse a bad %s on create (%j) and store nothing', async (field, patch) => {
      const before = (await t.http.get('/api/users').set(bearer(admin))).body.total;
      const res = await t.http.post('/api/users').set(bearer(admin)).send({ ...makeUser(), ...patch }).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect((await t.http.get('/api/users').set(bearer(admin))).body.total).toBe(before);
    });

    it.each([
      ['email', { email: null }],
      ['fullName', { fullName: null }],
      ['role', { role: null }],
      ['password', { password: null }],
      ['active', { active: null }],
      ['remindersOptOut', { remindersOptOut: 'no' }],
      ['lastLoginAt', { lastLoginAt: '2024-01-01' }],
    ])('should refuse a bad %s on update (%j) and change nothing', async (field, patch) => {
      const u = await createUser(t, admin);
      const res = await t.http.patch(`/api/users/${u.id}`).set(bearer(admin)).send(patch).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect((await t.http.get(`/api/users/${u.id}`).set(bearer(admin))).body).toEqual(u);
    });

    it.each(['abc', '0', '-1', '1.5', '0x1', '99999999999'])('should answer 400 to the id %s', async (id) => {
      const res = await t.http.get(`/api/users/${id}`).set(bearer(admin)).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', message: 'Mã định danh: phải là số nguyên dương' }]);
      await t.http.patch(`/api/users/${id}`).set(bearer(admin)).send({ fullName: 'Tên' }).expect(400);
    });

    it('should answer 404 in Vietnamese to an unknown id', async () => {
      const res = await t.http.get('/api/users/99999999').set(bearer(admin)).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Không tìm thấy người dùng', details: [] });
      await t.http.patch('/api/users/99999999').set(bearer(admin)).send({ fullName: 'Tên' }).expect(404);
    });

    it.each([
      ['page', { page: -1 }],
      ['limit', { limit: 0 }],
      ['role', { role: 'root' }],
      ['agencyId', { agencyId: 'x' }],
      ['agencyId', { agencyId: 99999999999 }],
      ['active', { active: 'perhaps' }],
      ['email', { email: 'a@b.c' }],
    ])('should refuse a bad list query %s (%j)', async (field, query) => {
      const res = await t.http.get('/api/users').query(query).set(bearer(admin)).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    });
  });

  describe('list', () => {
    it('should filter by role, agency and active, and page with a total', async () => {
      const other = await createAgency(t, admin);
      const a1 = await createUser(t, admin, { role: UserRole.Agency, agencyId: other.id });
      const a2 = await createUser(t, admin, { role: UserRole.Agency, agencyId: other.id });
      await t.http.patch(`/api/users/${a2.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      const ids = async (query: Record<string, unknown>) =>
        ((await t.http.get('/api/users').query({ limit: 500, ...query }).set(bearer(admin)).expect(200)).body.items as UserResponseDto[]).map((u) => u.id);
      expect(await ids({ agencyId: other.id })).toEqual([a1.id, a2.id]);
      expect(await ids({ agencyId: other.id, active: 'true' })).toEqual([a1.id]);
      expect(await ids({ agencyId: other.id, active: false })).toEqual([a2.id]);
      const leaders = await ids({ role: 'leader' });
      expect(leaders).toContain(sessions.leader.user.id);
      expect(leaders).not.toContain(a1.id);
      const page = await t.http.get('/api/users').query({ page: 2, limit: 2 }).set(bearer(admin)).expect(200);
      const all = await ids({});
      expect(page.body).toMatchObject({ total: all.length, page: 2, limit: 2 });
      expect(page.body.items.map((u: UserResponseDto) => u.id)).toEqual(all.slice(2, 4));
    });
  });

  it('should document every users route in /api/docs', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(json.body.paths['/api/users'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(json.body.paths['/api/users/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(json.body.components.schemas.UserResponseDto.properties).not.toHaveProperty('password');
    expect(json.body.components.schemas.UserResponseDto.properties).not.toHaveProperty('passwordHash');
  });
});

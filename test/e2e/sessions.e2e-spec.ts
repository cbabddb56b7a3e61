import { AuthSession } from 'src/modules/auth/session.entity';
import { SESSION_COOKIE, SessionsService } from 'src/modules/auth/sessions.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask } from 'test/fixtures/tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TEST_ADMIN, TestApp } from 'test/utils/create-test-app';
import { DataSource } from 'typeorm';

interface BrowserSession {
  cookie: string;
  csrf: string;
  raw: string;
}

describe('browser sessions (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let agencyId: number;
  let agencyEmail: string;

  const signIn = async (email = TEST_ADMIN.email, password = TEST_ADMIN.password): Promise<BrowserSession> => {
    const res = await t.http.post('/api/auth/login').send({ email, password }).expect(200);
    const raw = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    return { cookie: raw.split(';')[0], csrf: res.body.csrfToken as string, raw };
  };

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    admin = await t.login();
    agencyId = (await createAgency(t, admin)).id;
    agencyEmail = (await createUser(t, admin, { role: UserRole.Agency, agencyId })).email;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should set an httpOnly, SameSite=Lax cookie that signs in every request of the browser', async () => {
    const s = await signIn();
    expect(s.raw).toMatch(/HttpOnly/i);
    expect(s.raw).toMatch(/SameSite=Lax/i);
    expect(s.raw).toMatch(/Path=\//);
    const me = await t.http.get('/api/me').set('Cookie', s.cookie).expect(200);
    expect(me.body.email).toBe(TEST_ADMIN.email);
    const session = await t.http.get('/api/auth/session').set('Cookie', s.cookie).expect(200);
    expect(session.body).toMatchObject({ csrfToken: s.csrf, user: { email: TEST_ADMIN.email } });
    expect(new Date(session.body.sessionExpiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('should store only a hash of the cookie token', async () => {
    const s = await signIn();
    const token = decodeURIComponent(s.cookie.split('=')[1]);
    const rows = await t.get(DataSource).getRepository(AuthSession).find();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it('should still accept bearer tokens (API clients) without a CSRF token', async () => {
    await createTask(t, admin, { leadAgencyId: agencyId });
  });

  it('should refuse a forged cookie with 401 and change nothing', async () => {
    const before = await t.http.get('/api/tasks').set(bearer(admin)).expect(200);
    const forged = `${SESSION_COOKIE}=${'A'.repeat(43)}`;
    const res = await t.http.get('/api/me').set('Cookie', forged).expect(401);
    expect(res.body.message).toBe('Phiên đăng nhập không hợp lệ hoặc đã hết hạn');
    await t.http.post('/api/tasks').set('Cookie', forged).send({}).expect(401);
    const after = await t.http.get('/api/tasks').set(bearer(admin)).expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('should end the session on the server at sign-out: the same cookie replayed is refused', async () => {
    const s = await signIn();
    await t.http.post('/api/auth/logout').set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).expect(204);
    const replay = await t.http.get('/api/me').set('Cookie', s.cookie).expect(401);
    expect(replay.body.message).toBe('Phiên đăng nhập không hợp lệ hoặc đã hết hạn');
  });

  it('should refuse an expired session', async () => {
    const s = await signIn();
    const session = await t.http.get('/api/auth/session').set('Cookie', s.cookie).expect(200);
    const row = await t.get(DataSource).getRepository(AuthSession).findOneByOrFail({ csrfToken: session.body.csrfToken });
    await t.get(SessionsService).setExpiry(row.id, new Date(Date.now() - 1000));
    await t.http.get('/api/me').set('Cookie', s.cookie).expect(401);
  });

  describe('cross-site requests', () => {
    it('should refuse a cookie POST without the CSRF token, and change nothing', async () => {
      const s = await signIn();
      const before = (await t.http.get('/api/tasks').set(bearer(admin))).body.total;
      const res = await t.http
        .post('/api/tasks')
        .set('Cookie', s.cookie)
        .send({ title: 'Giả mạo', kind: 'task', leadAgencyId: agencyId, dueDate: '2024-06-28', origin: 'added' })
        .expect(403);
      expect(res.body.message).toMatch(/X-CSRF-Token/);
      await t.http.post('/api/tasks').set('Cookie', s.cookie).set('X-CSRF-Token', 'wrong').send({}).expect(403);
      expect((await t.http.get('/api/tasks').set(bearer(admin))).body.total).toBe(before);
    });

    it('should refuse a cross-site form post even with the right token, and change nothing', async () => {
      const s = await signIn();
      const before = (await t.http.get('/api/tasks').set(bearer(admin))).body.total;
      const form = 'title=Gi%E1%BA%A3+m%E1%BA%A1o&kind=task';
      for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }]) {
        const res = await t.http
          .post('/api/tasks')
          .set('Cookie', s.cookie)
          .set('X-CSRF-Token', s.csrf)
          .set(headers)
          // JSON: a form body is refused earlier still, with 415 (ContentTypeGuard).
          .send(JSON.parse(JSON.stringify({ title: decodeURIComponent(form.split('&')[0].split('=')[1].replace(/\+/g, ' ')), kind: 'task' })))
          .expect(403);
        expect(res.body.message).toBe('Yêu cầu gửi từ trang web khác bị từ chối');
      }
      expect((await t.http.get('/api/tasks').set(bearer(admin))).body.total).toBe(before);
    });

    it('should refuse a cross-site sign-in form post', async () => {
      await t.http
        .post('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })
        .expect(403);
    });

    it('should accept a same-origin POST with the token (the web UI)', async () => {
      const s = await signIn();
      const host = t.http.get('/').url.replace(/\/$/, '');
      await t.http
        .post('/api/tasks')
        .set('Cookie', s.cookie)
        .set('X-CSRF-Token', s.csrf)
        .set('Origin', new URL(host).origin)
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ title: 'Nhiệm vụ từ trình duyệt', kind: 'task', leadAgencyId: agencyId, assignedAt: '2024-01-15', dueDate: '2024-06-28', origin: 'added' })
        .expect(201);
    });
  });

  it('should end the sessions of a user whose tokens are revoked (tokenVersion)', async () => {
    const s = await signIn(agencyEmail, TEST_USER_PASSWORD);
    await t.http.get('/api/me').set('Cookie', s.cookie).expect(200);
    const user = (await t.http.get('/api/me').set('Cookie', s.cookie)).body as { id: number };
    // An admin sets a new password: tokenVersion moves (the session and the user were just read, so both are cached).
    await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ password: 'mat-khau-moi-cua-co-quan-2024' }).expect(200);
    await t.http.get('/api/me').set('Cookie', s.cookie).expect(401);
  });
});

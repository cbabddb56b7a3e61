import { DataSource } from 'typeorm';
import { AuthSession } from 'src/modules/auth/session.entity';
import { SESSION_COOKIE } from 'src/modules/auth/sessions.service';
import { UserResponseDto } from 'src/modules/users/dto/user.dto';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer } from 'test/fixtures/tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

// POST /api/auth/password: each user changes their own password. The app trusts X-Forwarded-For
// from loopback (as behind a proxy), so every request comes from its own address and only the
// per-account throttle is in play unless a test means the address one.

const LIMIT = 15;
const NEW_PASSWORD = 'song-be-chay-qua-dong-xoai-mua-mua';

interface Browser {
  cookie: string;
  csrf: string;
}

describe('change my own password (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let agencyId: number;
  let n = 0;
  const fresh = () => `198.51.100.${++n}`;

  const signIn = async (email: string, password = TEST_USER_PASSWORD) => {
    const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', fresh()).send({ email, password });
    return res;
  };
  const browser = async (email: string): Promise<Browser> => {
    const res = await signIn(email);
    expect(res.status).toBe(200);
    const raw = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    return { cookie: raw.split(';')[0], csrf: res.body.csrfToken as string };
  };
  const token = async (email: string): Promise<string> => {
    const res = await signIn(email);
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const change = (auth: Browser | string, body: object, address = fresh()) => {
    const req = t.http.post('/api/auth/password').set('X-Forwarded-For', address);
    if (typeof auth === 'string') return req.set(bearer(auth)).send(body);
    return req.set('Cookie', auth.cookie).set('X-CSRF-Token', auth.csrf).send(body);
  };
  const agencyUser = (): Promise<UserResponseDto> => createUser(t, admin, { role: UserRole.Agency, agencyId });

  beforeAll(async () => {
    t = await TestApp.start({ workers: false, env: { LOGIN_RATE_LIMIT: String(LIMIT), TRUST_PROXY: 'loopback' } });
    admin = await t.login();
    agencyId = (await createAgency(t, admin)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should change the password, end the user\'s other sessions and tokens, and keep the browser that asked', async () => {
    const user = await agencyUser();
    const here = await browser(user.email);
    const elsewhere = await browser(user.email);
    const apiClient = await token(user.email);

    const res = await change(here, { currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
    // Every sign-in opens a browser session (the API client's too): two others end.
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number), otherSessionsEnded: 2 });
    expect(JSON.stringify(res.body)).not.toContain(NEW_PASSWORD);

    // The browser that asked stays signed in, and may keep changing things with its CSRF token.
    await t.http.get('/api/me').set('Cookie', here.cookie).expect(200);
    await t.http.get('/api/auth/session').set('Cookie', here.cookie).expect(200);
    // The other browser and the old bearer token are signed out; the fresh token works.
    await t.http.get('/api/me').set('Cookie', elsewhere.cookie).expect(401);
    await t.http.get('/api/me').set(bearer(apiClient)).expect(401);
    await t.http.get('/api/me').set(bearer(res.body.accessToken)).expect(200);
    const sessions = await t.get(DataSource).getRepository(AuthSession).findBy({ userId: user.id });
    expect(sessions.filter((s) => s.revokedAt === null)).toHaveLength(1);

    // The new password signs in; the old one does not.
    expect((await signIn(user.email)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('should let a bearer client change its password and carry on with the token it gets back', async () => {
    const user = await createUser(t, admin, { role: UserRole.Leader });
    const old = await token(user.email);
    const other = await browser(user.email);
    const res = await change(old, { currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
    expect(res.body.otherSessionsEnded).toBe(2);
    await t.http.get('/api/me').set(bearer(old)).expect(401);
    await t.http.get('/api/me').set('Cookie', other.cookie).expect(401);
    const me = await t.http.get('/api/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.email).toBe(user.email);
  });

  it('should refuse a wrong current password with a 400 in Vietnamese and change nothing', async () => {
    const user = await agencyUser();
    const here = await browser(user.email);
    const elsewhere = await browser(user.email);
    const res = await change(here, { currentPassword: 'khong-phai-mat-khau-nay', newPassword: NEW_PASSWORD }).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Mật khẩu hiện tại không đúng',
      details: [{ field: 'currentPassword', message: 'Mật khẩu hiện tại: không đúng' }],
    });
    await t.http.get('/api/me').set('Cookie', elsewhere.cookie).expect(200);
    await t.http.get('/api/me').set('Cookie', here.cookie).expect(200);
    expect((await signIn(user.email)).status).toBe(200);
  });

  it('should refuse a new password the rule refuses, naming why, and change nothing', async () => {
    const user = await agencyUser();
    const client = await token(user.email);
    const local = user.email.split('@')[0];
    const cases: [string, RegExp][] = [
      ['ngan-qua', /ít nhất 10 ký tự/],
      [`${local}-2026`, /không được chứa địa chỉ email/],
      [user.email, /không được chứa địa chỉ email/],
      ['nhiemvu-demo', /mật khẩu mẫu của bản trình diễn/],
      ['password123', /Mật khẩu quá yếu/],
      ['1234567890', /Mật khẩu quá yếu/],
      ['qwertyuiop', /Mật khẩu quá yếu/],
      ['          ', /khoảng trắng/],
      [TEST_USER_PASSWORD, /phải khác mật khẩu hiện tại/],
    ];
    for (const [newPassword, why] of cases) {
      const res = await change(client, { currentPassword: TEST_USER_PASSWORD, newPassword });
      expect([newPassword, res.status]).toEqual([newPassword, 400]);
      expect(res.body.details).toEqual([{ field: 'newPassword', message: expect.stringMatching(why) }]);
    }
    // Nothing changed: the token still works and the password is the old one.
    await t.http.get('/api/me').set(bearer(client)).expect(200);
    expect((await signIn(user.email)).status).toBe(200);
  });

  it('should refuse missing, malformed, oversized and hostile bodies with field-level 400s', async () => {
    const user = await agencyUser();
    const client = await token(user.email);
    const cases: [object, string[]][] = [
      [{}, ['currentPassword', 'newPassword']],
      [{ currentPassword: TEST_USER_PASSWORD }, ['newPassword']],
      [{ currentPassword: 42, newPassword: NEW_PASSWORD }, ['currentPassword']],
      [{ currentPassword: TEST_USER_PASSWORD, newPassword: ['x'] }, ['newPassword']],
      [{ currentPassword: TEST_USER_PASSWORD, newPassword: 'x'.repeat(201) }, ['newPassword']],
      [{ currentPassword: 'x'.repeat(10_000), newPassword: NEW_PASSWORD }, ['currentPassword']],
      [{ currentPassword: TEST_USER_PASSWORD, newPassword: `${NEW_PASSWORD}\u0000` }, ['newPassword']],
      [{ currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD, userId: 1 }, ['userId']],
      [{ currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD, role: 'admin' }, ['role']],
    ];
    for (const [body, fields] of cases) {
      const res = await change(client, body);
      expect([JSON.stringify(body).slice(0, 80), res.status]).toEqual([JSON.stringify(body).slice(0, 80), 400]);
      expect([...new Set((res.body.details as { field: string }[]).map((d) => d.field.split('.')[0]))].sort()).toEqual(fields);
      for (const d of res.body.details as { message: string }[]) expect(d.message).not.toMatch(/currentPassword|newPassword|should|must/);
    }
    const proto = await t.http
      .post('/api/auth/password')
      .set('X-Forwarded-For', fresh())
      .set(bearer(client))
      .set('Content-Type', 'application/json')
      .send(`{"currentPassword":"${TEST_USER_PASSWORD}","newPassword":"${NEW_PASSWORD}","__proto__":{"role":"admin"}}`);
    expect(proto.status).toBe(400);
    await t.http.post('/api/auth/password').set('X-Forwarded-For', fresh()).set(bearer(client)).set('Content-Type', 'text/plain').send('x').expect(415);
    // Signed out: 401; a cross-site post with the cookie: 403; a cookie without its CSRF token: 403.
    await t.http.post('/api/auth/password').set('X-Forwarded-For', fresh()).send({ currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD }).expect(401);
    const b = await browser(user.email);
    await t.http
      .post('/api/auth/password')
      .set('X-Forwarded-For', fresh())
      .set('Cookie', b.cookie)
      .set('X-CSRF-Token', b.csrf)
      .set('Origin', 'https://evil.example')
      .send({ currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(403);
    await t.http.post('/api/auth/password').set('X-Forwarded-For', fresh()).set('Cookie', b.cookie).send({ currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD }).expect(403);
    // Nothing changed.
    await t.http.get('/api/me').set(bearer(client)).expect(200);
  });

  it('should rate-limit the change like the login: per account from any address, and per address', async () => {
    const user = await agencyUser();
    const client = await token(user.email);
    for (let i = 0; i < LIMIT; i++) await change(client, { currentPassword: `sai-${i}-mat-khau`, newPassword: NEW_PASSWORD }).expect(400);
    const blocked = await change(client, { currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD }).expect(429);
    expect(blocked.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Quá nhiều lần đổi mật khẩu; vui lòng thử lại sau một phút', details: [] });
    // Still the old password: the blocked attempt changed nothing.
    expect((await signIn(user.email)).status).toBe(200);

    // One address trying several accounts.
    const address = fresh();
    const others = await Promise.all([0, 1].map(() => agencyUser()));
    const tokens = [await token(others[0].email), await token(others[1].email)];
    for (let i = 0; i < LIMIT; i++) await change(tokens[i % 2], { currentPassword: `sai-${i}-mat-khau`, newPassword: NEW_PASSWORD }, address).expect(400);
    await change(tokens[0], { currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD }, address).expect(429);
    // From another address the account may change it (its own counter is below the limit).
    await change(tokens[0], { currentPassword: TEST_USER_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
  });
});

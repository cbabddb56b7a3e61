import { JwtService } from '@nestjs/jwt';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from 'src/modules/users/user.entity';
import { EmbeddedRedis } from 'src/core/redis/embedded-redis';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TEST_ADMIN, TestApp } from 'test/utils/create-test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const WRONG = { statusCode: 401, error: 'Unauthorized', message: 'Email hoặc mật khẩu không đúng', details: [] };

describe('auth (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/auth/login', () => {
    it('should answer a token, its lifetime and the user, never the password', async () => {
      const res = await t.http.post('/api/auth/login').send(TEST_ADMIN).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expiresIn: 8 * 3600,
        user: { id: expect.any(Number), email: TEST_ADMIN.email, fullName: 'Quản trị hệ thống', role: 'admin', agencyId: null, active: true, remindersOptOut: false },
        csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
        sessionExpiresAt: expect.any(String),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
      const me = await t.http.get('/api/me').set(bearer(res.body.accessToken)).expect(200);
      expect(me.body).toEqual(res.body.user);
    });

    it('should accept the email in any case and with spaces around', async () => {
      await t.http.post('/api/auth/login').send({ email: `  ${TEST_ADMIN.email.toUpperCase()} `, password: TEST_ADMIN.password }).expect(200);
    });

    it('should give one identical 401 for an unknown email, a wrong password and a locked account', async () => {
      const locked = await createUser(t, admin);
      await t.http.patch(`/api/users/${locked.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@nhiemvu.example', password: TEST_ADMIN.password });
      const wrong = await t.http.post('/api/auth/login').send({ email: TEST_ADMIN.email, password: 'not-the-password' });
      const lockedRes = await t.http.post('/api/auth/login').send({ email: locked.email, password: TEST_USER_PASSWORD });
      for (const res of [unknown, wrong, lockedRes]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual(WRONG);
      }
      const headers = (h: Record<string, string>) => Object.keys(h).filter((k) => !['date', 'x-request-id', 'etag'].includes(k)).sort();
      expect(headers(unknown.headers)).toEqual(headers(wrong.headers));
    });

    it.each([
      [{}, ['email', 'password']],
      [{ email: TEST_ADMIN.email }, ['password']],
      [{ email: 42, password: 'x' }, ['email']],
      [{ email: TEST_ADMIN.email, password: ['x'] }, ['password']],
      [{ email: TEST_ADMIN.email, password: 'x'.repeat(201) }, ['password']],
      [{ email: TEST_ADMIN.email, password: TEST_ADMIN.password, role: 'admin' }, ['role']],
    ])('should refuse the body %j with 400 naming %j', async (body, fields) => {
      const res = await t.http.post('/api/auth/login').send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(fields));
    });

    it('should keep SQL in the email from doing anything', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: "' OR 1=1 --", password: "' OR 1=1 --" }).expect(401);
      expect(res.body).toEqual(WRONG);
    });
  });

  describe('tokens', () => {
    const routes: ['get' | 'post' | 'patch', string][] = [
      ['get', '/api/me'],
      ['get', '/api/agencies'],
      ['get', '/api/agencies/1'],
      ['post', '/api/agencies'],
      ['patch', '/api/agencies/1'],
      ['post', '/api/agencies/1/merge'],
      ['get', '/api/programs'],
      ['get', '/api/programs/1'],
      ['post', '/api/programs'],
      ['patch', '/api/programs/1'],
      ['get', '/api/users'],
      ['get', '/api/users/1'],
      ['post', '/api/users'],
      ['patch', '/api/users/1'],
    ];

    it.each(routes)('should refuse %s %s without a valid bearer token', async (method, path) => {
      const jwt = t.get(JwtService);
      const forged = await new JwtService({ secret: 'not-the-secret' }).signAsync({ sub: 1, tv: 0 });
      const expired = await jwt.signAsync({ sub: 1, tv: 0 }, { expiresIn: -60 });
      const payload = forged.split('.')[1];
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      for (const authorization of [undefined, 'Bearer', 'Bearer not-a-token', `Basic ${admin}`, `Bearer ${forged}`, `Bearer ${expired}`, `Bearer ${unsigned}`]) {
        const req = t.http[method](path);
        const res = await (authorization ? req.set('Authorization', authorization) : req).send({});
        expect(res.status).toBe(401);
        expect(res.body.statusCode).toBe(401);
        expect(res.body.message).toMatch(/Chưa đăng nhập|Phiên đăng nhập/);
      }
    });

    it('should stop a token working once the password changes or the account is locked', async () => {
      const user = await createUser(t, admin);
      const token = await t.login(user.email, TEST_USER_PASSWORD);
      await t.http.get('/api/me').set(bearer(token)).expect(200);
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ password: 'mat-khau-moi-1234' }).expect(200);
      await t.http.get('/api/me').set(bearer(token)).expect(401);
      const second = await t.login(user.email, 'mat-khau-moi-1234');
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ active: false }).expect(200);
      await t.http.get('/api/me').set(bearer(second)).expect(401);
    });

    it('should authenticate repeated requests without reading the user again, and still end a token at once', async () => {
      const user = await createUser(t, admin);
      const token = await t.login(user.email, TEST_USER_PASSWORD);
      const repo = t.app.get<Repository<User>>(getRepositoryToken(User));
      const reads = jest.spyOn(repo, 'findOne');
      const readsOfUser = () => reads.mock.calls.filter(([o]) => (o?.where as { id?: number } | undefined)?.id === user.id).length;
      try {
        for (let i = 0; i < 3; i++) await t.http.get('/api/tasks/summary').set(bearer(token)).expect(200);
        expect(readsOfUser()).toBe(1);
        await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ active: false }).expect(200);
        await t.http.get('/api/tasks/summary').set(bearer(token)).expect(401);
      } finally {
        reads.mockRestore();
      }
    });

    it('should apply a role change at the next request', async () => {
      const user = await createUser(t, admin, { role: UserRole.Office });
      const token = await t.login(user.email, TEST_USER_PASSWORD);
      await t.http.post('/api/programs').set(bearer(token)).send({}).expect(400);
      await t.http.patch(`/api/users/${user.id}`).set(bearer(admin)).send({ role: UserRole.Leader }).expect(200);
      await t.http.post('/api/programs').set(bearer(token)).send({}).expect(403);
      const me = await t.http.get('/api/me').set(bearer(token)).expect(200);
      expect(me.body.role).toBe('leader');
    });

    it('should answer GET /api/me for every role', async () => {
      const agency = await createAgency(t, admin);
      for (const role of [UserRole.Office, UserRole.Leader, UserRole.Agency]) {
        const user = await createUser(t, admin, { role, agencyId: role === UserRole.Agency ? agency.id : undefined });
        const me = await t.http.get('/api/me').set(bearer(await t.login(user.email, TEST_USER_PASSWORD))).expect(200);
        expect(me.body).toEqual(user);
      }
    });
  });
});

describe('login rate limits (e2e)', () => {
  const LIMIT = 3;
  let t: TestApp;
  let admin: string;
  let n = 0;

  /** A login attempt from `address` (TRUST_PROXY=loopback: the app believes X-Forwarded-For from loopback, as behind a proxy). */
  const attempt = (address: string, email: string, password = 'wrong-password') =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
  const fresh = () => `203.0.113.${++n}`;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false, env: { LOGIN_RATE_LIMIT: String(LIMIT), TRUST_PROXY: 'loopback' } });
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should limit one account tried from many addresses, even with the right password', async () => {
    const user = await createUser(t, admin);
    for (let i = 0; i < LIMIT; i++) expect((await attempt(fresh(), user.email)).status).toBe(401);
    const blocked = await attempt(fresh(), user.email, TEST_USER_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Quá nhiều lần đăng nhập; vui lòng thử lại sau một phút', details: [] });
    expect(Number(blocked.headers['retry-after-account'])).toBeGreaterThan(0);
    // The same account written differently is the same account.
    expect((await attempt(fresh(), `  ${user.email.toUpperCase()}`, TEST_USER_PASSWORD)).status).toBe(429);
    // Other accounts are not affected.
    const other = await createUser(t, admin);
    expect((await attempt(fresh(), other.email, TEST_USER_PASSWORD)).status).toBe(200);
  });

  it('should limit one address trying many accounts', async () => {
    const address = fresh();
    for (let i = 0; i < LIMIT; i++) expect((await attempt(address, `guess-${i}@nhiemvu.example`)).status).toBe(401);
    const user = await createUser(t, admin);
    const blocked = await attempt(address, user.email, TEST_USER_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after-address'])).toBeGreaterThan(0);
    // The account itself may still sign in from elsewhere.
    expect((await attempt(fresh(), user.email, TEST_USER_PASSWORD)).status).toBe(200);
  });

  it('should count successful logins and malformed attempts too', async () => {
    const user = await createUser(t, admin);
    const address = fresh();
    for (let i = 0; i < LIMIT; i++) expect((await attempt(address, user.email, TEST_USER_PASSWORD)).status).toBe(200);
    expect((await attempt(fresh(), user.email, TEST_USER_PASSWORD)).status).toBe(429);
    const junk = fresh();
    for (let i = 0; i < LIMIT; i++) {
      const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', junk).send({ email: 42 });
      expect(res.status).toBe(400);
    }
    expect((await attempt(junk, 'someone@nhiemvu.example')).status).toBe(429);
  });

  it('should not limit other routes', async () => {
    for (let i = 0; i < LIMIT + 2; i++) await t.http.get('/api/me').set(bearer(admin)).expect(200);
  });

  it('should keep limiting, in memory, while Redis is down', async () => {
    await t.redis.stop();
    try {
      const address = fresh();
      for (let i = 0; i < LIMIT; i++) expect((await attempt(address, `down-${i}@nhiemvu.example`)).status).toBe(401);
      expect((await attempt(address, 'down-x@nhiemvu.example')).status).toBe(429);
      // A good login from elsewhere still works without Redis.
      const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', fresh()).send(TEST_ADMIN);
      expect(res.status).toBe(200);
    } finally {
      t.redis = await EmbeddedRedis.start({ port: t.config.redis.embeddedPort, dir: t.config.redis.embeddedDir });
      // Let the queue connections come back before the app closes (closing while they reconnect hangs).
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await t.http.get('/health')).status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
  });
});

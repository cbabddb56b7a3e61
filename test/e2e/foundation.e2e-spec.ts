import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { MailService } from 'src/modules/mail/mail.service';
import { TestApp } from 'test/utils/create-test-app';
import { waitFor } from 'test/utils/spawn-process';

describe('foundation (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should report database and Redis up on /health', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('should serve the OpenAPI document at /api/docs', async () => {
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/health']));
  });

  it('should refuse /api routes without a token, in Vietnamese', async () => {
    const res = await t.http.get('/api/me').expect(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Chưa đăng nhập', details: [] });
    await t.http.get('/api/me').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('should create the admin account from ADMIN_EMAIL/ADMIN_PASSWORD and sign it in', async () => {
    const token = await t.login();
    const me = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ email: 'admin@nhiemvu.example', role: 'admin' });
  });

  it('should carry a request id in and out', async () => {
    const res = await t.http.get('/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
    const generated = await t.http.get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should answer 413 to a body over the limit and 400 to malformed or deeply nested JSON', async () => {
    const big = JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024), password: 'y' });
    const tooLarge = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toMatch(/vượt quá dung lượng/);
    const malformed = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('Nội dung JSON không hợp lệ');
    const nested = '{"a":'.repeat(200) + '1' + '}'.repeat(200);
    const deep = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(nested);
    expect(deep.status).toBe(400);
    expect(deep.body.message).toMatch(/lồng nhau/);
  });

  it('should reject unknown fields with field-level Vietnamese messages', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'a@b.c', password: 'x', admin: true }).expect(400);
    expect(res.body.details).toEqual([{ field: 'admin', message: 'Trường “admin” không được phép' }]);
  });

  it('should answer unknown routes with a JSON 404', async () => {
    const token = await t.login();
    const res = await t.http.get('/api/no-such-thing').set('Authorization', `Bearer ${token}`).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: 'Không tìm thấy' });
  });
});

describe('foundation with Redis down (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should keep serving reads, report 503 on /health, and recover when Redis returns', async () => {
    const token = await t.login();
    await t.redis.stop();
    const down = await t.http.get('/health');
    expect(down.status).toBe(503);
    expect(down.body.error.redis.status).toBe('down');
    await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);

    await t.startRedis();
    await t.waitForHealth(200);
  });
});

describe('foundation with the private Redis killed (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should restart the private redis-server after kill -9, recover /health and run jobs again', async () => {
    await t.waitForHealth(200);
    process.kill(t.redis.pid!, 'SIGKILL');
    await waitFor(() => Promise.resolve(t.redis.restarts >= 1), 30_000, 'the supervisor restarting redis-server');
    await t.waitForHealth(200);
    const mail = t.get(MailService);
    const row = await mail.create({ kind: MailKind.Other, to: ['sau-khi-khoi-dong-lai@nhiemvu.example'], subject: 'Sau sự cố', html: '<p>x</p>', text: 'x' });
    await mail.dispatch([row.id]);
    await waitFor(async () => (await mail.get(row.id)).status === MailStatus.Sent, 60_000, 'a job after the restart');
  });
});

describe('foundation with Redis unreachable at start (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, redis: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should start anyway, serve reads with /health 503, and connect when Redis appears', async () => {
    const down = await t.http.get('/health').expect(503);
    expect(down.body.details.redis.status).toBe('down');
    expect(down.body.details.database.status).toBe('up');
    const token = await t.login();
    await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t.startRedis();
    await t.waitForHealth(200);
  });
});

import { ALL_QUEUES } from 'src/core/queue/queue-names';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { MailService } from 'src/modules/mail/mail.service';
import { QUEUE_CONSOLE_COOKIE } from 'src/modules/queue-console/queue-console.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';
import { waitFor } from 'test/utils/spawn-process';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';

describe('operations: /metrics and the queue console (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, env: { METRICS_TOKEN } });
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('/metrics', () => {
    it('should refuse a scrape without the token, or with a wrong one', async () => {
      await t.http.get('/metrics').expect(401);
      await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token-wrong').expect(401);
      await t.http.get('/metrics').set('Authorization', `Bearer ${admin}`).expect(401);
    });

    it('should report HTTP latency by route, queue depths, job durations and mail outcomes in Prometheus format', async () => {
      await t.http.get('/api/me').set('Authorization', `Bearer ${admin}`).expect(200);
      const mail = t.get(MailService);
      const row = await mail.create({
        kind: MailKind.Other,
        to: ['do-thu@nhiemvu.example'],
        subject: 'Đo',
        html: '<p>x</p>',
        text: 'x',
      });
      await mail.dispatch([row.id]);
      await waitFor(async () => (await mail.get(row.id)).status === MailStatus.Sent, 30_000, 'the mail');
      const res = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain.*version=0\.0\.4/);
      expect(res.headers['cache-control']).toMatch(/no-store/);
      const text = res.text;
      expect(text).toMatch(
        /nhiemvu_http_request_duration_seconds_count\{method="GET",route="\/api\/me",status="200"\} [1-9]/,
      );
      expect(text).toMatch(/nhiemvu_queue_jobs\{queue="mail",state="completed"\} \d+/);
      expect(text).toMatch(
        /nhiemvu_job_duration_seconds_count\{queue="mail",job="send-email",outcome="completed"\} [1-9]|nhiemvu_job_duration_seconds_count\{queue="mail",job="[^"]+",outcome="completed"\} [1-9]/,
      );
      expect(text).toMatch(/nhiemvu_mail_total\{kind="other",outcome="sent"\} [1-9]/);
      expect(text).toMatch(/# TYPE nhiemvu_reminders_sent_total counter/);
      expect(text).toMatch(/# TYPE nhiemvu_import_runs_total counter/);
      expect(text).toMatch(/# TYPE nhiemvu_report_runs_total counter/);
      expect(text).toMatch(/nhiemvu_process_cpu_seconds_total/);
      // Routes are patterns, never raw URLs with ids.
      await t.http.get('/api/users/12345').set('Authorization', `Bearer ${admin}`);
      const again = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
      expect(again.text).toMatch(/route="\/api\/users\/:id"/);
      expect(again.text).not.toMatch(/route="\/api\/users\/12345"/);
    });
  });

  describe('queue console', () => {
    it('should refuse a browser without a console session, and every role but admin', async () => {
      const res = await t.http.get('/api/queues').expect(401);
      expect(res.body.message).toMatch(/mở bảng theo dõi hàng đợi từ trang quản trị/);
      const office = await createUser(t, admin, { role: UserRole.Office });
      const officeToken = await t.login(office.email, TEST_USER_PASSWORD);
      await t.http.post('/api/queue-console/link').set('Authorization', `Bearer ${officeToken}`).expect(403);
      await t.http.get('/api/queues/api/queues').set('Authorization', `Bearer ${officeToken}`).expect(403);
    });

    it('should let an admin open a one-minute link that starts an HttpOnly console session', async () => {
      const link = await t.http.post('/api/queue-console/link').set('Authorization', `Bearer ${admin}`).expect(200);
      const url = new URL(link.body.url as string);
      expect(url.pathname).toBe('/api/queues');
      expect(link.body.expiresInSeconds).toBe(60);
      const open = await t.http.get(`${url.pathname}${url.search}`).expect(303);
      expect(open.headers.location).toBe('/api/queues');
      const cookie = String(open.headers['set-cookie']);
      expect(cookie).toMatch(
        new RegExp(`^${QUEUE_CONSOLE_COOKIE}=[^;]+; Path=/api/queues; Max-Age=1800; HttpOnly; SameSite=Strict`),
      );
      const session = cookie.split(';')[0];
      const page = await t.http.get('/api/queues').set('Cookie', session).expect(200);
      expect(page.text).toMatch(/<html/i);
      const queues = await t.http.get('/api/queues/api/queues').set('Cookie', session).expect(200);
      expect((queues.body.queues as { name: string }[]).map((q) => q.name).sort()).toEqual([...ALL_QUEUES].sort());
      // The console cookie is not an API token, and the link cannot be used as one either.
      await t.http
        .get('/api/me')
        .set('Authorization', `Bearer ${session.split('=')[1]}`)
        .expect(401);
      await t.http
        .get('/api/me')
        .set('Authorization', `Bearer ${url.searchParams.get('ticket')}`)
        .expect(401);
      // A link is not a session cookie.
      await t.http
        .get('/api/queues')
        .set('Cookie', `${QUEUE_CONSOLE_COOKIE}=${url.searchParams.get('ticket')}`)
        .expect(401);
    });

    it('should accept an admin bearer token from API clients and end the session when the admin is signed out everywhere', async () => {
      const other = await createUser(t, admin, { role: UserRole.Admin });
      const token = await t.login(other.email, TEST_USER_PASSWORD);
      await t.http.get('/api/queues/api/queues').set('Authorization', `Bearer ${token}`).expect(200);
      const link = await t.http.post('/api/queue-console/link').set('Authorization', `Bearer ${token}`).expect(200);
      const url = new URL(link.body.url as string);
      const session = String(
        (await t.http.get(`${url.pathname}${url.search}`).expect(303)).headers['set-cookie'],
      ).split(';')[0];
      await t.http.get('/api/queues').set('Cookie', session).expect(200);
      await t.http
        .patch(`/api/users/${other.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ role: UserRole.Office, agencyId: null })
        .expect(200);
      await t.http.get('/api/queues').set('Cookie', session).expect(401);
    });
  });
});

describe('operations without METRICS_TOKEN (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should not serve /metrics at all', async () => {
    await t.http.get('/metrics').expect(404);
  });
});

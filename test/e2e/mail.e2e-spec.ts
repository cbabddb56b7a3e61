import ExcelJS from 'exceljs';
import { DataSource, In } from 'typeorm';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { EmbeddedRedis } from 'src/core/redis/embedded-redis';
import { QueueName } from 'src/core/queue/queue-names';
import { addDays } from 'src/core/time/local-date';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { MailService } from 'src/modules/mail/mail.service';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';
import { waitFor } from 'test/utils/spawn-process';

/** Stops the app's private redis-server (TestApp.redis is null only when started with `redis: false`). */
async function stopRedis(t: TestApp): Promise<void> {
  const redis: EmbeddedRedis | null = t.redis;
  if (!redis) throw new Error('this test app has no redis-server of its own');
  await redis.stop();
}

describe('mail delivery and the mail log (e2e)', () => {
  let t: TestApp;
  let f: ReminderFixtures;
  let mail: MailService;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, smtp: true });
    f = new ReminderFixtures(t);
    mail = t.get(MailService);
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    t.smtp!.accept();
    await f.closeAllOpen();
  });

  const repo = () => t.app.get(DataSource).getRepository(MailMessage);
  const rows = (ids: number[]) => repo().find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  /** How many times each message arrived, by its X-Nhiemvu-Message-Id header. */
  const arrivals = (since: number): Map<number, number> => {
    const out = new Map<number, number>();
    for (const m of t.smtp!.received.slice(since)) {
      const id = Number(m.parsed.headers.get('x-nhiemvu-message-id'));
      out.set(id, (out.get(id) ?? 0) + 1);
    }
    return out;
  };
  const send = async (n: number, kind = MailKind.Other) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const row = await mail.create({
        kind,
        to: [`nguoi-nhan-${i}@nhiemvu.example`],
        subject: `Thư thử số ${i}`,
        html: `<p>Thư thử số ${i}</p>`,
        text: `Thư thử số ${i}`,
      });
      ids.push(row.id);
    }
    await mail.dispatch(ids);
    return ids;
  };

  it('should retry while SMTP answers 421 and deliver each message once when it recovers', async () => {
    const since = t.smtp!.received.length;
    t.smtp!.rejectWith(421, 'Service not available, try again later');
    const ids = await send(3);
    await waitFor(
      async () => (await rows(ids)).every((m) => m.attempts >= 1 && /421/.test(m.lastError ?? '')),
      30_000,
      'a first refused attempt',
    );
    expect((await rows(ids)).every((m) => m.status === MailStatus.Queued)).toBe(true);
    expect(t.smtp!.received.length).toBe(since);

    t.smtp!.accept();
    await waitFor(
      async () => (await rows(ids)).every((m) => m.status === MailStatus.Sent),
      60_000,
      'delivery after recovery',
    );
    const sent = await rows(ids);
    expect(sent.every((m) => m.attempts >= 2 && m.lastError === null && m.sentAt && m.messageId)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    const got = arrivals(since);
    expect(ids.map((id) => got.get(id))).toEqual([1, 1, 1]);
  });

  it('should fail a message at once on a 5xx and show it in the mail log', async () => {
    t.smtp!.rejectWith(550, 'Mailbox unavailable');
    const [id] = await send(1, MailKind.Report);
    await waitFor(async () => (await rows([id]))[0].status === MailStatus.Failed, 30_000, 'the 550 failure');
    const [row] = await rows([id]);
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/550/);

    const list = await t.http
      .get('/api/mail/messages')
      .query({ status: 'failed', kind: 'report' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'failed',
        attempts: 1,
        kind: 'report',
        lastError: expect.stringMatching(/550/),
      }),
    ]);
    expect(list.body.items[0].html).toBeUndefined();

    t.smtp!.accept();
    const since = t.smtp!.received.length;
    const retried = await t.http
      .post(`/api/mail/messages/${id}/retry`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(retried.body.status).toBe('queued');
    await waitFor(async () => (await rows([id]))[0].status === MailStatus.Sent, 30_000, 'the retried message');
    expect(arrivals(since).get(id)).toBe(1);
  });

  it('should lose nothing while Redis is down and deliver each digest once when it returns', async () => {
    const agencies = await Promise.all([f.agency(), f.agency(), f.agency()]);
    for (const agency of agencies) await f.task({ agency, dueDate: '2024-07-18' });
    const since = t.smtp!.received.length;

    await stopRedis(t);
    const r = await t.get(RemindersService).scan({ asOf: '2024-07-15' });
    const ids = r.digests.filter((d) => agencies.some((a) => a.id === d.agencyId)).map((d) => d.mailMessageId);
    expect(ids).toHaveLength(3);
    expect((await rows(ids)).every((m) => m.status === MailStatus.Queued)).toBe(true);

    await t.startRedis();
    await waitFor(
      async () => (await rows(ids)).every((m) => m.status === MailStatus.Sent),
      60_000,
      'delivery after Redis returned',
    );
    await new Promise((r) => setTimeout(r, 500));
    const got = arrivals(since);
    expect(ids.map((id) => got.get(id))).toEqual([1, 1, 1]);
    // Nothing is re-sent by a later sweep either.
    expect(await mail.sweep(0)).toBe(0);
  });

  it('should keep a message queued with Redis down mid-delivery and send it once after', async () => {
    const since = t.smtp!.received.length;
    t.smtp!.rejectWith(421);
    const ids = await send(2);
    await waitFor(async () => (await rows(ids)).every((m) => m.attempts >= 1), 30_000, 'a first refused attempt');
    await stopRedis(t); // the retries are delayed jobs in Redis's append-only file
    t.smtp!.accept();
    await t.startRedis();
    await waitFor(
      async () => (await rows(ids)).every((m) => m.status === MailStatus.Sent),
      60_000,
      'delivery after the restart',
    );
    await new Promise((r) => setTimeout(r, 500));
    const got = arrivals(since);
    expect(ids.map((id) => got.get(id))).toEqual([1, 1]);
  });

  it('should repair a sent message whose row update was lost instead of sending it again, and re-enqueue one whose job is gone', async () => {
    const [sentId, lostId] = await send(2);
    await waitFor(
      async () => (await rows([sentId, lostId])).every((m) => m.status === MailStatus.Sent),
      30_000,
      'delivery',
    );
    const since = t.smtp!.received.length;
    // As if the `sent` update had been rolled back with someone else's transaction.
    await repo().update({ id: sentId }, { status: MailStatus.Queued });
    // As if its job had been lost (Redis data gone) while the row stayed queued.
    await repo().update({ id: lostId }, { status: MailStatus.Queued });
    await (await t.get(JobProducer).queue(QueueName.Mail).getJob(`mail-${lostId}`))!.remove();

    expect(await mail.sweep(0)).toBe(1);
    await waitFor(
      async () => (await rows([sentId, lostId])).every((m) => m.status === MailStatus.Sent),
      30_000,
      'the sweep',
    );
    await new Promise((r) => setTimeout(r, 500));
    const got = arrivals(since);
    expect(got.get(sentId)).toBeUndefined();
    expect(got.get(lostId)).toBe(1);
  });

  it('should filter and page the mail log, show one message with its bodies, and refuse other roles', async () => {
    const agency = await f.agency({ emails: ['loc-thu@nhiemvu.example'] });
    const task = await f.task({ agency, dueDate: addDays('2024-07-15', 3) });
    const r = await t.get(RemindersService).scan({ asOf: '2024-07-15' });
    const digest = r.digests.find((d) => d.agencyId === agency.id)!;
    await waitFor(async () => (await rows([digest.mailMessageId]))[0].status === MailStatus.Sent, 30_000, 'the digest');

    const auth = { Authorization: `Bearer ${admin}` };
    const byTask = await t.http.get('/api/mail/messages').query({ taskId: task.id }).set(auth).expect(200);
    expect(byTask.body).toMatchObject({
      total: 1,
      page: 1,
      items: [{ id: digest.mailMessageId, kind: 'reminder_digest', status: 'sent', taskIds: [task.id], tasks: [{ id: task.id, code: task.code, title: task.title }] }],
    });
    const byTo = await t.http
      .get('/api/mail/messages')
      .query({ to: 'LOC-THU@', kind: 'reminder_digest,missing_address' })
      .set(auth)
      .expect(200);
    expect(byTo.body.items.map((m: { id: number }) => m.id)).toEqual([digest.mailMessageId]);
    const paged = await t.http.get('/api/mail/messages').query({ page: 1, limit: 2 }).set(auth).expect(200);
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBeGreaterThan(2);
    expect(paged.body.items[0].id).toBeGreaterThan(paged.body.items[1].id);

    const one = await t.http.get(`/api/mail/messages/${digest.mailMessageId}`).set(auth).expect(200);
    expect(one.body).toMatchObject({ subject: digest.subject, to: ['loc-thu@nhiemvu.example'], taskIds: [task.id] });
    expect(one.body.html).toContain('còn 3 ngày');
    expect(one.body.text).toContain('còn 3 ngày');

    await t.http.get('/api/mail/messages/999999').set(auth).expect(404);
    const bad = await t.http.get('/api/mail/messages').query({ status: 'lost' }).set(auth).expect(400);
    expect(bad.body.details[0].field).toBe('status');
    const agencyUser = await createUser(t, admin, { role: UserRole.Agency, agencyId: agency.id });
    const token = await t.login(agencyUser.email, TEST_USER_PASSWORD);
    await t.http.get('/api/mail/messages').set('Authorization', `Bearer ${token}`).expect(403);
    await t.http.get(`/api/mail/messages/${digest.mailMessageId}`).set('Authorization', `Bearer ${token}`).expect(403);
  });

  it('should record a partial SMTP rejection as partial, naming the refused recipient', async () => {
    const since = t.smtp!.received.length;
    t.smtp!.refuseRecipients('bi-tu-choi@nhiemvu.example');
    const row = await mail.create({
      kind: MailKind.Other,
      to: ['nhan-duoc@nhiemvu.example', 'bi-tu-choi@nhiemvu.example'],
      subject: 'Thư gửi hai người',
      html: '<p>Thư</p>',
      text: 'Thư',
    });
    await mail.dispatch([row.id]);
    await waitFor(async () => (await rows([row.id]))[0].status !== MailStatus.Queued, 30_000, 'the partly refused message');
    const [done] = await rows([row.id]);
    expect(done.status).toBe(MailStatus.Partial);
    expect(done.lastError).toBe('Máy chủ thư từ chối 1 người nhận: bi-tu-choi@nhiemvu.example');
    const got = t.smtp!.received.slice(since).filter((m) => Number(m.parsed.headers.get('x-nhiemvu-message-id')) === row.id);
    expect(got.map((m) => m.envelopeTo)).toEqual([['nhan-duoc@nhiemvu.example']]);
    const list = await t.http.get('/api/mail/messages').query({ status: 'partial' }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(list.body.items.map((m: { id: number }) => m.id)).toContain(row.id);
  });

  it('should keep a big digest small: the 100 most urgent tasks in its body, every task in an XLSX attachment', async () => {
    const agency = await f.agency();
    const tasks = [];
    for (let i = 0; i < 150; i++) tasks.push(await f.task({ agency, dueDate: addDays('2024-06-03', -(i % 30)) }));
    const since = t.smtp!.received.length;
    const r = await t.get(RemindersService).scan({ asOf: '2024-07-15' });
    const digest = r.digests.find((d) => d.agencyId === agency.id)!;
    expect(digest.points).toHaveLength(150);
    await waitFor(async () => (await rows([digest.mailMessageId]))[0].status === MailStatus.Sent, 30_000, 'the big digest');
    const got = t.smtp!.received.slice(since).find((m) => Number(m.parsed.headers.get('x-nhiemvu-message-id')) === digest.mailMessageId)!;
    const text = got.parsed.text ?? '';
    expect(text).toContain('Thư này liệt kê 100 nhiệm vụ cấp bách nhất trong tổng số 150 nhiệm vụ.');
    expect(text.match(/\/app\/tasks\/\d+/g)).toHaveLength(100);
    expect(got.parsed.attachments).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(got.parsed.attachments[0].content as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(151);
    const titles = new Set<string>();
    ws.eachRow((row, n) => n > 1 && titles.add(row.getCell(3).text));
    expect(titles).toEqual(new Set(tasks.map((x) => x.title)));
  });

  it('should free the points of a digest the relay refuses for good (552), tell the office, and send them at the next scan', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: '2024-07-08' });
    t.smtp!.rejectWith(552, 'Message size exceeds fixed maximum message size');
    const first = await t.get(RemindersService).scan({ asOf: '2024-07-15' });
    const digest = first.digests.find((d) => d.agencyId === agency.id)!;
    expect((await f.logsOf([task.id])).length).toBe(1);
    await waitFor(async () => (await rows([digest.mailMessageId]))[0].status === MailStatus.Failed, 30_000, 'the refused digest');
    await waitFor(async () => (await f.logsOf([task.id])).length === 0, 30_000, 'the freed point');
    const told = (await f.mailsOfAgency(agency.id)).filter((m) => m.kind === MailKind.DeliveryFailure);
    expect(told).toHaveLength(1);
    expect(told[0].to).toEqual([t.config.mail.officeEmail]);
    expect(told[0].text).toContain('1 lượt nhắc việc trong thư đã được hoàn lại');
    expect(told[0].text).toContain('552');

    t.smtp!.accept();
    const again = await t.get(RemindersService).scan({ asOf: '2024-07-16' });
    const resent = again.digests.find((d) => d.agencyId === agency.id)!;
    expect(resent.points).toEqual([{ taskId: task.id, offsetDays: 7 }]);
    await waitFor(async () => (await rows([resent.mailMessageId]))[0].status === MailStatus.Sent, 30_000, 'the digest sent again');
  });
});

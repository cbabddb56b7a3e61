import { DataSource } from 'typeorm';
import { NotificationPreference } from 'src/modules/notifications/notification-preference.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { ScheduleId } from 'src/core/queue/schedules';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask, patchCurrent } from 'test/fixtures/tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';
import { waitFor } from 'test/utils/spawn-process';

/** The daily loop through the real SMTP listener: requests reach the office, decisions the agency. */
describe('notifications (e2e, real SMTP)', () => {
  let t: TestApp;
  let admin: string;
  let agencyId: number;
  let otherAgencyId: number;
  let office: { token: string; email: string };
  let leader: { token: string; email: string };
  let otherLeader: { email: string };
  let agency: { token: string; email: string };
  let otherAgency: { token: string; email: string };

  const mailsTo = (email: string) => t.smtp!.received.filter((m) => m.envelopeTo.includes(email));
  const inbox = async (token: string, query: Record<string, string> = {}) =>
    (await t.http.get('/api/notifications').query(query).set(bearer(token)).expect(200)).body as {
      items: { id: number; kind: string; title: string; lines: string[]; link: string; read: boolean; taskId: number; requestId: number }[];
      total: number;
      unread: number;
    };

  const signUp = async (overrides: Parameters<typeof createUser>[2]) => {
    const u = await createUser(t, admin, overrides);
    return { email: u.email, token: await t.login(u.email, TEST_USER_PASSWORD) };
  };

  beforeAll(async () => {
    t = await TestApp.start({ smtp: true });
    admin = await t.login();
    agencyId = (await createAgency(t, admin)).id;
    otherAgencyId = (await createAgency(t, admin)).id;
    office = await signUp({ role: UserRole.Office });
    leader = await signUp({ role: UserRole.Leader, fullName: 'Trần Quốc Toản' });
    otherLeader = await signUp({ role: UserRole.Leader, fullName: 'Lê Văn Hưu' });
    agency = await signUp({ role: UserRole.Agency, agencyId });
    otherAgency = await signUp({ role: UserRole.Agency, agencyId: otherAgencyId });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("should bring a request to the office's and the leader in charge's mailbox and inbox, and the decision to the agency's", async () => {
    const task = await createTask(t, admin, {
      leadAgencyId: agencyId,
      dueDate: '2026-11-30',
      assignedAt: '2026-01-05',
      leaderInCharge: 'Đ/c Trần Quốc Toản, Phó Chủ tịch UBND tỉnh',
    });
    const before = (await inbox(office.token)).unread;
    const req = await t.http
      .post(`/api/tasks/${task.id}/requests`)
      .set(bearer(agency.token))
      .send({ type: 'extension', proposedDueDate: '2026-12-31', reason: 'Chờ ý kiến thẩm định của Bộ Tài chính' })
      .expect(201);

    await waitFor(() => Promise.resolve(mailsTo(office.email).length >= 1 && mailsTo(leader.email).length >= 1), 20_000, 'the request emails');
    const mail = mailsTo(office.email)[0].parsed;
    expect(mail.subject).toContain('Đề nghị gia hạn của');
    expect(mail.text).toContain('Đề nghị gia hạn đến ngày 31/12/2026 (thời hạn hiện tại 30/11/2026)');
    expect(mail.text).toContain(`/app/tasks/${task.id}`);
    expect(mail.html).toContain('name="viewport"');
    expect(mailsTo(otherLeader.email)).toHaveLength(0);
    expect(mailsTo(agency.email)).toHaveLength(0);

    const officeInbox = await inbox(office.token);
    expect(officeInbox.unread).toBe(before + 1);
    expect(officeInbox.items[0]).toMatchObject({ kind: 'request_created', link: `/app/tasks/${task.id}`, taskId: task.id, requestId: req.body.id, read: false });
    expect((await t.http.get('/api/notifications/unread-count').set(bearer(office.token)).expect(200)).body.count).toBe(before + 1);

    await t.http.post(`/api/requests/${req.body.id}/approve`).set(bearer(office.token)).send({ comment: 'Đồng ý gia hạn' }).expect(200);
    await waitFor(() => Promise.resolve(mailsTo(agency.email).length >= 1), 20_000, 'the decision email');
    const decision = mailsTo(agency.email)[0].parsed;
    expect(decision.subject).toContain('Đề nghị gia hạn được chấp thuận');
    expect(decision.text).toContain('Thời hạn mới: 31/12/2026.');
    expect(decision.text).toContain('Ý kiến: Đồng ý gia hạn');
    const agencyInbox = await inbox(agency.token);
    expect(agencyInbox.items[0]).toMatchObject({ kind: 'request_decided', taskId: task.id, read: false });
    expect((await inbox(otherAgency.token)).total).toBe(0);

    // Reading: one, then all.
    await t.http.post(`/api/notifications/${agencyInbox.items[0].id}/read`).set(bearer(agency.token)).expect(200);
    expect((await inbox(agency.token)).unread).toBe(agencyInbox.unread - 1);
    await t.http.post('/api/notifications/read-all').set(bearer(office.token)).expect(200);
    expect((await inbox(office.token)).unread).toBe(0);
    // Someone else's notification is not found.
    await t.http.post(`/api/notifications/${agencyInbox.items[0].id}/read`).set(bearer(otherAgency.token)).expect(404);
  });

  it('should tell the agencies concerned when the office reopens a task or gives it to another lead', async () => {
    const task = await createTask(t, admin, { leadAgencyId: agencyId, coordinatingAgencyIds: [otherAgencyId] });
    await patchCurrent(t, office.token, task.id, { status: 'withdrawn', comment: 'Không còn phù hợp' }, 200);
    const n = (await inbox(agency.token)).total;
    const m = (await inbox(otherAgency.token)).total;
    await patchCurrent(t, office.token, task.id, { status: 'in_progress' }, 400);
    await patchCurrent(t, office.token, task.id, { status: 'in_progress', comment: 'Tỉnh ủy yêu cầu tiếp tục thực hiện' }, 200);
    const a = await inbox(agency.token);
    expect(a.total).toBe(n + 1);
    expect(a.items[0]).toMatchObject({ kind: 'task_reopened', taskId: task.id });
    expect(a.items[0].lines).toContain('Lý do: Tỉnh ủy yêu cầu tiếp tục thực hiện');
    expect((await inbox(otherAgency.token)).total).toBe(m + 1);

    const third = (await createAgency(t, admin)).id;
    await patchCurrent(t, office.token, task.id, { leadAgencyId: third, coordinatingAgencyIds: [] }, 200);
    const after = await inbox(agency.token);
    expect(after.items[0]).toMatchObject({ kind: 'task_reassigned', taskId: task.id });
  });

  it('should email OFFICE_EMAIL when the office has no active account, so no request goes unannounced', async () => {
    const officeUser = (await t.http.get('/api/me').set(bearer(office.token)).expect(200)).body as { id: number };
    await t.http.patch(`/api/users/${officeUser.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    try {
      const task = await createTask(t, admin, { leadAgencyId: agencyId });
      await t.http.post(`/api/tasks/${task.id}/requests`).set(bearer(agency.token)).send({ type: 'withdrawal', reason: 'Không còn phù hợp' }).expect(201);
      const officeEmail = t.config.mail.officeEmail;
      await waitFor(
        () => Promise.resolve(mailsTo(officeEmail).some((m) => m.parsed.subject?.includes(task.title))),
        20_000,
        'the email to OFFICE_EMAIL',
      );
      expect(mailsTo(officeEmail).find((m) => m.parsed.subject?.includes(task.title))!.parsed.text).toContain('Kính gửi: Văn phòng UBND tỉnh');
    } finally {
      await t.http.patch(`/api/users/${officeUser.id}`).set(bearer(admin)).send({ active: true }).expect(200);
      office.token = await t.login(office.email, TEST_USER_PASSWORD);
    }
  });

  describe('preferences', () => {
    it('should default every kind to an immediate email', async () => {
      const res = await t.http.get('/api/notifications/preferences').set(bearer(agency.token)).expect(200);
      expect(res.body).toEqual({ request_created: 'immediate', request_decided: 'immediate', task_reopened: 'immediate', task_reassigned: 'immediate' });
    });

    it.each([
      [{ made_up_kind: 'digest' }, 'made_up_kind'],
      [{ deadline_reminder: 'digest' }, 'deadline_reminder'],
      [{ request_decided: 'sms' }, 'request_decided'],
      [{ request_decided: 'digest', __proto__: { x: 1 }, other: 'in_app' }, 'other'],
    ])('should refuse %j with a 400 naming %s and change nothing', async (body, field) => {
      const before = await t.get(DataSource).getRepository(NotificationPreference).count();
      const res = await t.http.put('/api/notifications/preferences').set(bearer(agency.token)).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await t.get(DataSource).getRepository(NotificationPreference).count()).toBe(before);
    });

    it('should send a digest instead of an email, and nothing for in-app only', async () => {
      await t.http.put('/api/notifications/preferences').set(bearer(agency.token)).send({ request_decided: 'digest' }).expect(200);
      await t.http.put('/api/notifications/preferences').set(bearer(otherAgency.token)).send({ request_decided: 'in_app' }).expect(200);
      const mine = await createTask(t, admin, { leadAgencyId: agencyId });
      const theirs = await createTask(t, admin, { leadAgencyId: otherAgencyId });
      const emailsBefore = mailsTo(agency.email).length;
      for (const [task, token] of [
        [mine, agency.token],
        [theirs, otherAgency.token],
      ] as const) {
        const r = await t.http.post(`/api/tasks/${task.id}/requests`).set(bearer(token)).send({ type: 'withdrawal', reason: 'Trùng nhiệm vụ khác' }).expect(201);
        await t.http.post(`/api/requests/${r.body.id}/reject`).set(bearer(office.token)).send({ comment: 'Chưa đủ căn cứ' }).expect(200);
      }
      expect((await inbox(agency.token)).items[0]).toMatchObject({ kind: 'request_decided', taskId: mine.id });
      expect((await inbox(otherAgency.token)).items[0]).toMatchObject({ kind: 'request_decided', taskId: theirs.id });

      const sent = await t.get(NotificationsService).sendDigests();
      expect(sent).toBe(1);
      const digests = () => mailsTo(agency.email).filter((m) => m.parsed.subject?.includes('Tổng hợp ngày'));
      await waitFor(() => Promise.resolve(digests().length === 1), 20_000, 'the digest');
      const digest = digests()[0].parsed;
      // No immediate email for the decision the agency chose to get in the digest.
      expect(mailsTo(agency.email).slice(emailsBefore).filter((m) => m.parsed.subject?.includes('xin rút'))).toHaveLength(0);
      expect(digest.subject).toMatch(/^\[Thông báo\] Tổng hợp ngày \d{2}\/\d{2}\/\d{4}: 1 thông báo$/);
      expect(digest.text).toContain('có 1 thông báo mới');
      expect(digest.text).toContain('Đề nghị xin rút không được chấp thuận');
      expect(mailsTo(otherAgency.email).filter((m) => m.parsed.subject?.includes('xin rút') || m.parsed.subject?.includes('Tổng hợp'))).toHaveLength(0);
      // Taken once: a second run sends nothing.
      expect(await t.get(NotificationsService).sendDigests()).toBe(0);
    });

    it('should schedule the daily digest in the worker and send it through the queued job', async () => {
      const queue = t.get(JobProducer).queue(QueueName.Notifications);
      await waitFor(
        async () => (await queue.getJobSchedulers()).some((s) => s.key === String(ScheduleId.NotificationDigests) && s.pattern === '30 16 * * 1-5' && s.tz === 'Asia/Ho_Chi_Minh'),
        20_000,
        'the digest scheduler',
      );
      const task = await createTask(t, admin, { leadAgencyId: agencyId });
      const r = await t.http.post(`/api/tasks/${task.id}/requests`).set(bearer(agency.token)).send({ type: 'deferral', reason: 'Chờ Trung ương hướng dẫn' }).expect(201);
      await t.http.post(`/api/requests/${r.body.id}/approve`).set(bearer(office.token)).send({}).expect(200);
      const before = mailsTo(agency.email).filter((m) => m.parsed.subject?.includes('Tổng hợp ngày')).length;
      await t.get(JobProducer).enqueue(JobName.SendNotificationDigests, {}, { jobId: `digest-test-${Date.now()}` });
      await waitFor(
        () => Promise.resolve(mailsTo(agency.email).filter((m) => m.parsed.subject?.includes('Tổng hợp ngày')).length === before + 1),
        20_000,
        'the queued digest',
      );
      const digest = mailsTo(agency.email).filter((m) => m.parsed.subject?.includes('Tổng hợp ngày')).at(-1)!.parsed;
      expect(digest.text).toContain('Đề nghị xin chuyển sang kỳ sau được chấp thuận');
    });
  });
});

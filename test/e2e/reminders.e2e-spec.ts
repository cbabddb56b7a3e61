import { existsSync } from 'node:fs';
import { DataSource, In } from 'typeorm';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { addDays } from 'src/core/time/local-date';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { Notification } from 'src/modules/notifications/notification.entity';
import { NotificationKind } from 'src/modules/notifications/notification.enums';
import { Program } from 'src/modules/programs/program.entity';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { ReminderLetter } from 'src/modules/reminders/reminder-letter.entity';
import { ReminderLog } from 'src/modules/reminders/reminder-log.entity';
import { ReminderSchedulesService } from 'src/modules/reminders/reminder-schedules.service';
import { RemindersService, ScanResult } from 'src/modules/reminders/reminders.service';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';
import { docxText } from 'test/utils/docx-text';
import { ReceivedMail } from 'test/utils/smtp-test-server';
import { waitFor } from 'test/utils/spawn-process';

const D = '2024-07-15'; // a Monday, no holiday around it
const OFFICE = 'vanphong@nhiemvu.example';

describe('reminders (e2e)', () => {
  let t: TestApp;
  let f: ReminderFixtures;
  let sut: RemindersService;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, smtp: true });
    f = new ReminderFixtures(t);
    sut = t.get(RemindersService);
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    await f.closeAllOpen();
  });

  const mailRepo = () => t.app.get(DataSource).getRepository(MailMessage);
  const digestOf = (r: ScanResult, agencyId: number) => r.digests.find((d) => d.agencyId === agencyId);
  const to = (address: string, since = 0): ReceivedMail[] =>
    t.smtp!.received.slice(since).filter((m) => m.envelopeTo.includes(address));
  /** Waits until every message of the scan has left the outbox (sent or failed), the office's copies after their letter. */
  const delivered = async (r: ScanResult) => {
    const ids = r.digests.flatMap((d) => [
      d.mailMessageId,
      ...(d.escalationMailMessageId ? [d.escalationMailMessageId] : []),
    ]);
    await waitFor(
      async () =>
        (await mailRepo().findBy({ id: In(ids) })).every(
          (m) => m.status !== MailStatus.Queued && m.status !== MailStatus.Held,
        ),
      30_000,
      `delivery of ${ids.join(', ')}`,
    );
  };

  it('should send one digest per lead agency to its addresses and its users who have not opted out', async () => {
    const stc = await f.agency({
      name: 'Sở Tài chính (thử)',
      emails: ['stc-a@nhiemvu.example', 'stc-b@nhiemvu.example'],
    });
    const syt = await f.agency({ name: 'Sở Y tế (thử)' });
    const far = await f.agency();
    const staff = await f.user({ role: UserRole.Agency, agencyId: stc.id });
    const optedOut = await f.user({ role: UserRole.Agency, agencyId: stc.id, remindersOptOut: true });
    const overdue = await f.task({
      agency: stc,
      dueDate: addDays(D, -7),
      title: 'Báo cáo <sơ kết> & "đánh giá" 6 tháng',
    });
    const soon1 = await f.task({ agency: stc, dueDate: addDays(D, 3) });
    const soon2 = await f.task({ agency: stc, dueDate: addDays(D, 1) });
    const today = await f.task({ agency: syt, dueDate: D });
    await f.task({ agency: far, dueDate: addDays(D, 30) });
    const since = t.smtp!.received.length;

    const r = await sut.scan({ asOf: D });

    expect(r.digests.map((d) => d.agencyId).sort()).toEqual([stc.id, syt.id].sort());
    expect(r.points).toBe(4);
    const a = digestOf(r, stc.id)!;
    expect(a.subject).toBe('[Nhắc việc] Sở Tài chính (thử): 1 nhiệm vụ quá hạn, 2 nhiệm vụ sắp đến hạn');
    expect(a.to.sort()).toEqual(['stc-a@nhiemvu.example', 'stc-b@nhiemvu.example', staff.email].sort());
    expect(a.points.map((p) => [p.taskId, p.offsetDays])).toEqual(
      expect.arrayContaining([
        [overdue.id, 7],
        [soon1.id, -3],
        [soon2.id, -1],
      ]),
    );
    expect(digestOf(r, syt.id)!.subject).toBe('[Nhắc việc] Sở Y tế (thử): 1 nhiệm vụ đến hạn hôm nay');

    await delivered(r);
    const [mail] = to('stc-a@nhiemvu.example', since);
    expect(to('stc-a@nhiemvu.example', since)).toHaveLength(1);
    expect(to(optedOut.email, since)).toHaveLength(0);
    expect(mail.envelopeTo.sort()).toEqual(a.to.sort());
    expect(mail.parsed.subject).toBe(a.subject);
    const html = mail.parsed.html as string;
    expect(html).toContain('Báo cáo &lt;sơ kết&gt; &amp; &quot;đánh giá&quot; 6 tháng');
    expect(html).toContain('08/07/2024');
    expect(html).toContain('quá hạn 7 ngày');
    expect(html).toContain('còn 3 ngày');
    expect(html).toContain(`${t.config.app.appUrl}/app/tasks/${overdue.id}`);
    expect(mail.parsed.text).toContain('Kính gửi: Sở Tài chính (thử)');
    expect(mail.parsed.text).toContain('còn 1 ngày');
    expect(to(syt.emails[0], since)[0].parsed.text).toContain('đến hạn hôm nay');
    expect(await f.logsOf([overdue.id, soon1.id, soon2.id, today.id])).toHaveLength(4);

    // The reminder is in the inbox of the agency's users too (opted out of the email or not), linking its tasks.
    for (const u of [staff, optedOut]) {
      const rows = await t
        .get(DataSource)
        .getRepository(Notification)
        .findBy({ userId: u.id, kind: NotificationKind.DeadlineReminder });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ title: a.subject, link: '/app/tasks', delivery: 'in_app', mailMessageId: null });
      expect(rows[0].body.split('\n')).toHaveLength(3);
      expect(rows[0].body).toContain('Báo cáo <sơ kết> & "đánh giá" 6 tháng — thời hạn 08/07/2024 (quá hạn 7 ngày)');
    }
  });

  it('should reach each point −7, −3, −1, 0, +7, +14, +21 once when scanned every day', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: '2024-08-15' });
    const sent: number[] = [];
    for (let day = '2024-08-05'; day <= '2024-09-06'; day = addDays(day, 1)) {
      const r = await sut.scan({ asOf: day });
      for (const p of digestOf(r, agency.id)?.points ?? []) if (p.taskId === task.id) sent.push(p.offsetDays);
    }
    expect(sent).toEqual([-7, -3, -1, 0, 7, 14, 21]);
    expect((await f.logsOf([task.id])).map((l) => [l.offsetDays, l.scanDate])).toEqual([
      [-7, '2024-08-08'],
      [-3, '2024-08-12'],
      [-1, '2024-08-14'],
      [0, '2024-08-15'],
      [7, '2024-08-22'],
      [14, '2024-08-29'],
      [21, '2024-09-05'],
    ]);
  });

  it('should send a reminder now for selected tasks, one digest per agency, all or nothing', async () => {
    const agency = await f.agency({ name: 'Sở Gửi ngay (thử)' });
    const a = await f.task({ agency, dueDate: addDays(D, -30) });
    const b = await f.task({ agency, dueDate: addDays(D, 5) });
    const done = await f.task({ agency, dueDate: addDays(D, -2) });
    await t.app
      .get(DataSource)
      .getRepository(Task)
      .update({ id: done.id }, { status: TaskStatus.Done, completedAt: D });
    const send = (body: object) =>
      t.http.post('/api/reminders/send-now').set('Authorization', `Bearer ${admin}`).send(body);
    const mails = await mailRepo().count();
    const refused = await send({ taskIds: [a.id, done.id] }).expect(400);
    expect(refused.body.message).toBe(`nhiệm vụ ${done.id} không còn đang thực hiện; không thư nào được gửi`);
    expect(refused.body.details).toEqual([
      { field: 'taskIds.1', message: `Nhiệm vụ đã chọn (mục 2): nhiệm vụ ${done.id} không còn đang thực hiện` },
    ]);
    await send({ taskIds: [a.id, 99999999] }).expect(400);
    await send({ taskIds: [] }).expect(400);
    expect(await mailRepo().count()).toBe(mails);
    const ok = await send({ taskIds: [a.id, b.id] }).expect(200);
    expect(ok.body).toEqual({
      mailMessageIds: [expect.any(Number)],
      agencies: 1,
      tasks: 2,
      points: 2,
      escalations: 1,
      notSent: [],
    });
    const row = await mailRepo().findOneByOrFail({ id: ok.body.mailMessageIds[0] });
    expect(row).toMatchObject({ kind: MailKind.ReminderDigest, agencyId: agency.id });
    expect(row.to).toEqual(agency.emails);
    // Judged today: both of 2024 are overdue now.
    expect(row.text).toContain('2 nhiệm vụ quá hạn');
    for (const x of [a, b]) expect(row.text).toContain(x.title);
  });

  it('should record what "Nhắc việc ngay" sent as the scan does, so the scan of the day does not send the same points again', async () => {
    const today = t.get(CalendarService).today();
    const agency = await f.agency({ name: 'Sở Ghi mốc (thử)' });
    const overdue = await f.task({ agency, assignedAt: addDays(today, -60), dueDate: addDays(today, -9) });
    const dueSoon = await f.task({ agency, assignedAt: addDays(today, -60), dueDate: addDays(today, 3) });
    const later = await f.task({ agency, assignedAt: addDays(today, -60), dueDate: addDays(today, 40) });
    const logs = t.app.get(DataSource).getRepository(ReminderLog);
    // What the scan would send today, before: the two tasks that reached a point.
    const before = (await sut.previewScan({ asOf: today })).digests.find((d) => d.agencyId === agency.id);
    expect(before?.items.map((i) => i.taskId).sort()).toEqual([overdue.id, dueSoon.id].sort());

    const ok = await t.http
      .post('/api/reminders/send-now')
      .set('Authorization', `Bearer ${admin}`)
      .send({ taskIds: [overdue.id, dueSoon.id, later.id] })
      .expect(200);
    expect(ok.body).toMatchObject({ agencies: 1, tasks: 3, points: 2, escalations: 0, notSent: [] });
    const mailId = ok.body.mailMessageIds[0] as number;
    const recorded = await logs.find({
      where: { taskId: In([overdue.id, dueSoon.id, later.id]) },
      order: { taskId: 'ASC' },
    });
    const eff = async (id: number) =>
      (await t.app.get(DataSource).getRepository(Task).findOneByOrFail({ id })).effectiveDueDate!;
    // The points the scan would have sent today, each with the digest that carried it; none for the task not yet due.
    expect(
      recorded.map((l) => [l.taskId, l.offsetDays, l.scanDate, l.mailMessageId, l.agencyId, l.effectiveDueDate]),
    ).toEqual(
      [
        [
          overdue.id,
          before!.items.find((i) => i.taskId === overdue.id)!.offsetDays,
          today,
          mailId,
          agency.id,
          await eff(overdue.id),
        ],
        [
          dueSoon.id,
          before!.items.find((i) => i.taskId === dueSoon.id)!.offsetDays,
          today,
          mailId,
          agency.id,
          await eff(dueSoon.id),
        ],
      ].sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
    const digest = await mailRepo().findOneByOrFail({ id: mailId });
    for (const x of [overdue, dueSoon, later]) expect(digest.text).toContain(x.title);

    // The scan of the day sends this agency nothing: its points went out with "Nhắc việc ngay".
    const preview = await sut.previewScan({ asOf: today });
    expect(preview.digests.find((d) => d.agencyId === agency.id)).toBeUndefined();
    const r = await sut.scan({ asOf: today });
    expect(digestOf(r, agency.id)).toBeUndefined();
    await delivered(r);
    // Asked again the same day: the office gets its digest, and no point is recorded twice.
    const again = await t.http
      .post('/api/reminders/send-now')
      .set('Authorization', `Bearer ${admin}`)
      .send({ taskIds: [overdue.id] })
      .expect(200);
    expect(again.body).toMatchObject({ agencies: 1, tasks: 1, points: 0 });
    expect(await logs.countBy({ taskId: In([overdue.id, dueSoon.id, later.id]) })).toBe(2);
  });

  it('should preview "Nhắc việc ngay" without recording or sending, and then send exactly what it showed', async () => {
    const agency = await f.agency({ name: 'Sở Xem trước (thử)' });
    const offsets = [-3, 0, 14];
    for (const offset of offsets) await f.task({ agency, dueDate: addDays(D, -offset) });
    const logs = await t.app.get(DataSource).getRepository(ReminderLog).count();
    const mails = await mailRepo().count();
    const res = await t.http
      .post('/api/reminders/scan-preview')
      .set('Authorization', `Bearer ${admin}`)
      .send({ asOf: D })
      .expect(200);
    const mine = res.body.digests.find((d: { agencyId: number }) => d.agencyId === agency.id);
    expect(mine).toMatchObject({ agencyName: 'Sở Xem trước (thử)', escalates: true });
    expect(mine.items.map((i: { offsetDays: number }) => i.offsetDays).sort((a: number, b: number) => a - b)).toEqual(
      offsets,
    );
    expect(await t.app.get(DataSource).getRepository(ReminderLog).count()).toBe(logs);
    expect(await mailRepo().count()).toBe(mails);
    const r = await sut.scan({ asOf: D });
    expect(
      digestOf(r, agency.id)!
        .points.map((p) => [p.taskId, p.offsetDays])
        .sort(),
    ).toEqual(mine.items.map((i: { taskId: number; offsetDays: number }) => [i.taskId, i.offsetDays]).sort());
    await delivered(r);
    await t.http
      .post('/api/reminders/scan-preview')
      .set('Authorization', `Bearer ${admin}`)
      .send({ asOf: '2024-02-30' })
      .expect(400);
  });

  it('should word every offset in one digest and escalate from 14 days overdue to the leader and the office with a draft công văn', async () => {
    const agency = await f.agency({ name: 'Sở Xây dựng (thử)' });
    const leader = await f.user({ role: UserRole.Leader, fullName: 'Lê Hoàng Việt' });
    const byOffset = new Map<number, number>();
    for (const offset of [-7, -3, -1, 0, 7, 14, 21]) {
      const task = await f.task({
        agency,
        dueDate: addDays(D, -offset),
        leaderInCharge: offset >= 14 ? 'Phó Chủ tịch UBND tỉnh Lê Hoàng Việt' : null,
        sourceDocument: `Kế hoạch số ${100 + offset}/KH-UBND`,
      });
      byOffset.set(offset, task.id);
    }
    const since = t.smtp!.received.length;

    const r = await sut.scan({ asOf: D });
    const d = digestOf(r, agency.id)!;
    expect(new Map(d.points.map((p) => [p.offsetDays, p.taskId]))).toEqual(byOffset);
    expect(d.subject).toBe(
      '[Nhắc việc] Sở Xây dựng (thử): 3 nhiệm vụ quá hạn, 1 nhiệm vụ đến hạn hôm nay, 3 nhiệm vụ sắp đến hạn',
    );
    expect(d.cc).toEqual([leader.email]);
    expect(d.escalationMailMessageId).not.toBeNull();
    await delivered(r);

    const digest = to(agency.emails[0], since);
    expect(digest).toHaveLength(1);
    expect(digest[0].envelopeTo).toContain(leader.email);
    for (const phrase of [
      'còn 7 ngày',
      'còn 3 ngày',
      'còn 1 ngày',
      'đến hạn hôm nay',
      'quá hạn 7 ngày',
      'quá hạn 14 ngày',
      'quá hạn 21 ngày',
    ]) {
      expect(digest[0].parsed.text).toContain(phrase);
    }

    // This agency's escalation only: an earlier test's escalation may still be arriving.
    const officeCopy = to(OFFICE, since).filter((m) => m.parsed.subject?.startsWith('[Đôn đốc] Sở Xây dựng (thử)'));
    expect(officeCopy).toHaveLength(1);
    expect(officeCopy[0].parsed.subject).toBe(
      '[Đôn đốc] Sở Xây dựng (thử): 2 nhiệm vụ quá hạn cần đôn đốc (kèm dự thảo công văn)',
    );
    const [attachment] = officeCopy[0].parsed.attachments;
    expect(attachment.filename).toMatch(/^cong-van-don-doc-.*-2024-07-15\.docx$/);
    const letterText = docxText(attachment.content);
    expect(letterText).toContain('Kính gửi: Sở Xây dựng (thử).');
    expect(letterText).toContain('V/v đôn đốc thực hiện nhiệm vụ quá hạn');
    expect(letterText).toContain('Kế hoạch số 121/KH-UBND');
    expect(letterText).toContain('21 ngày');
    expect(letterText).toContain('7 ngày'); // the +7 task is overdue too: the letter lists all of them
    expect(letterText).toContain('trước ngày 24/07/2024'); // 7 working days after Monday 15/07

    const letter = await t.app.get(DataSource).getRepository(ReminderLetter).findOneByOrFail({ id: d.letterId! });
    expect(letter).toMatchObject({ agencyId: agency.id, scanDate: D, mailMessageId: d.escalationMailMessageId });
    expect(letter.taskIds.sort()).toEqual([byOffset.get(7), byOffset.get(14), byOffset.get(21)].sort());
    expect(existsSync(sut.letterPath(letter))).toBe(true);
    const list = await t.http
      .get('/api/reminders/letters')
      .query({ agencyId: agency.id })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(list.body).toEqual({
      items: [expect.objectContaining({ id: letter.id, scanDate: D })],
      total: 1,
      page: 1,
      limit: 50,
    });
    for (const bad of [{ agencyId: 'x' }, { limit: 501 }, { page: 0 }, { unknown: 1 }])
      await t.http.get('/api/reminders/letters').query(bad).set('Authorization', `Bearer ${admin}`).expect(400);
    const file = await t.http
      .get(`/api/reminders/letters/${letter.id}/file`)
      .set('Authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(docxText(file.body as Buffer)).toContain('Sở Xây dựng (thử)');
  });

  it('should move a deadline falling on a weekend before a holiday to the next working day', async () => {
    const agency = await f.agency();
    // Saturday 27/4/2024, then Sunday, the compensatory day 29/4, 30/4 and 1/5: effective Thursday 2/5.
    const task = await f.task({ agency, dueDate: '2024-04-27', assignedAt: '2024-03-01' });
    expect(task.effectiveDueDate).toBe('2024-05-02');

    const early = await sut.scan({ asOf: '2024-04-25' });
    expect(digestOf(early, agency.id)!.points).toEqual([{ taskId: task.id, offsetDays: -7 }]);
    const onSaturday = await sut.scan({ asOf: '2024-04-27' });
    expect(digestOf(onSaturday, agency.id)).toBeUndefined(); // not due yet: nothing new since −7
    const onDay = await sut.scan({ asOf: '2024-05-02' });
    expect(digestOf(onDay, agency.id)!.points).toEqual([{ taskId: task.id, offsetDays: 0 }]);
    expect(digestOf(onDay, agency.id)!.subject).toContain('1 nhiệm vụ đến hạn hôm nay');
    expect((await f.logsOf([task.id])).map((l) => l.effectiveDueDate)).toEqual(['2024-05-02', '2024-05-02']);
  });

  it('should send nothing for a task done, withdrawn, deferred or submitted between two scans', async () => {
    const agency = await f.agency();
    const tasks = await Promise.all([0, 1, 2, 3, 4].map(() => f.task({ agency, dueDate: addDays(D, 3) })));
    const first = await sut.scan({ asOf: D });
    expect(digestOf(first, agency.id)!.points).toHaveLength(5);
    await f.setStatus(tasks[0], TaskStatus.Done, D);
    await f.setStatus(tasks[1], TaskStatus.Withdrawn);
    await f.setStatus(tasks[2], TaskStatus.Deferred);
    await f.setStatus(tasks[3], TaskStatus.Submitted);
    const second = await sut.scan({ asOf: addDays(D, 2) });
    expect(digestOf(second, agency.id)!.points).toEqual([{ taskId: tasks[4].id, offsetDays: -1 }]);
  });

  it('should send nothing twice when scans are repeated or run at once', async () => {
    const agencies = await Promise.all([f.agency(), f.agency(), f.agency()]);
    for (const a of agencies)
      for (const offset of [-3, 0, 7]) await f.task({ agency: a, dueDate: addDays(D, -offset) });
    const since = t.smtp!.received.length;
    const token = admin;

    const results = await Promise.all([
      sut.scan({ asOf: D }),
      sut.scan({ asOf: D }),
      t.http
        .post('/api/reminders/scan')
        .set('Authorization', `Bearer ${token}`)
        .send({ asOf: D })
        .expect(200)
        .then((res) => res.body as ScanResult),
      sut.scan({ asOf: D }),
    ]);
    const again = await sut.scan({ asOf: D });

    const digests = [...results, again]
      .flatMap((r) => r.digests)
      .filter((d) => agencies.some((a) => a.id === d.agencyId));
    expect(digests).toHaveLength(3);
    expect(new Set(digests.map((d) => d.agencyId)).size).toBe(3);
    for (const a of agencies) {
      expect((await f.mailsOfAgency(a.id)).filter((m) => m.kind === MailKind.ReminderDigest)).toHaveLength(1);
    }
    await Promise.all(results.map(delivered));
    await new Promise((r) => setTimeout(r, 500)); // let any stray duplicate arrive before counting
    for (const a of agencies) expect(to(a.emails[0], since)).toHaveLength(1);
  });

  it('should leave an agency to the scan that wrote it meanwhile, without drawing its letter', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: addDays(D, -14) }); // +14: escalates, with a letter
    const ds = t.app.get(DataSource);
    const internals = sut as unknown as {
      agencies: { findByIds: (...args: unknown[]) => Promise<unknown> };
      planLetter: (...args: unknown[]) => unknown;
    };
    const findByIds = internals.agencies.findByIds;
    const letters = jest.spyOn(internals, 'planLetter');
    // Another worker's scan records this agency's points after this scan has planned, before it writes.
    jest.spyOn(internals.agencies, 'findByIds').mockImplementationOnce(async (...args: unknown[]) => {
      const found = await findByIds.apply(internals.agencies, args);
      await ds.getRepository(ReminderLog).insert({
        taskId: task.id,
        agencyId: agency.id,
        effectiveDueDate: task.effectiveDueDate!,
        offsetDays: 14,
        scanDate: D,
        mailMessageId: null,
      });
      return found;
    });
    try {
      const r = await sut.scan({ asOf: D });
      expect(r.conflicts).toContain(agency.code);
      expect(digestOf(r, agency.id)).toBeUndefined();
      expect(letters).not.toHaveBeenCalledWith(
        expect.objectContaining({ agencyId: agency.id }),
        agency,
        D,
        expect.anything(),
      );
      expect(await ds.getRepository(ReminderLetter).countBy({ agencyId: agency.id })).toBe(0);
      expect(await f.mailsOfAgency(agency.id)).toHaveLength(0);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('should start a new series after an extension and send one reminder per task after downtime', async () => {
    const agency = await f.agency();
    const extended = await f.task({ agency, dueDate: addDays(D, 1) });
    const longOverdue = await f.task({ agency, dueDate: addDays(D, -40) });
    const recentlyOverdue = await f.task({ agency, dueDate: addDays(D, -2) });

    const first = await sut.scan({ asOf: D }); // the first scan ever for these: the latest point only
    expect(new Map(digestOf(first, agency.id)!.points.map((p) => [p.taskId, p.offsetDays]))).toEqual(
      new Map([
        [extended.id, -1],
        [longOverdue.id, 35],
        [recentlyOverdue.id, 0],
      ]),
    );
    expect(await f.logsOf([longOverdue.id])).toHaveLength(1);

    await f.extend(extended, '2024-08-30'); // a Friday: effective as given
    expect(digestOf(await sut.scan({ asOf: addDays(D, 1) }), agency.id)).toBeUndefined();
    const later = await sut.scan({ asOf: '2024-08-23' });
    const points = digestOf(later, agency.id)!.points;
    expect(points).toEqual(
      expect.arrayContaining([
        { taskId: extended.id, offsetDays: -7 },
        { taskId: longOverdue.id, offsetDays: 77 },
        { taskId: recentlyOverdue.id, offsetDays: 35 },
      ]),
    );
    expect(points).toHaveLength(3);
    expect((await f.logsOf([extended.id])).map((l) => [l.effectiveDueDate, l.offsetDays])).toEqual([
      [addDays(D, 1), -1],
      ['2024-08-30', -7],
    ]);
  });

  it('should report an agency without any address to the office instead of skipping it', async () => {
    const agency = await f.agency({ name: 'Ban Không địa chỉ (thử)', emails: [] });
    await f.user({ role: UserRole.Agency, agencyId: agency.id, remindersOptOut: true });
    const task = await f.task({ agency, dueDate: addDays(D, -7), title: 'Nhiệm vụ của cơ quan chưa có email' });
    const since = t.smtp!.received.length;

    const r = await sut.scan({ asOf: D });
    const d = digestOf(r, agency.id)!;
    expect(d).toMatchObject({
      kind: MailKind.MissingAddress,
      to: [OFFICE],
      subject: '[Nhắc việc] Chưa có địa chỉ nhận thư: Ban Không địa chỉ (thử) (1 nhiệm vụ)',
    });
    await delivered(r);
    const mail = to(OFFICE, since).find((m) => m.parsed.subject === d.subject)!;
    expect(mail.parsed.text).toContain('chưa có địa chỉ email liên hệ');
    expect(mail.parsed.text).toContain('Nhiệm vụ của cơ quan chưa có email');
    expect(mail.parsed.text).toContain(`/app/tasks/${task.id}`);
    expect(await f.logsOf([task.id])).toHaveLength(1);
    expect(digestOf(await sut.scan({ asOf: D }), agency.id)).toBeUndefined();
  });

  it('should pick the same local day for the same instant whatever zone the process runs in', async () => {
    const agency = await f.agency();
    await f.task({ agency, dueDate: '2024-07-16' });
    // 17:30 UTC on the 14th is 00:30 on the 15th in Hà Nội (13:30 on the 14th in New York): −1 is reached.
    const r = await sut.scan({ now: new Date('2024-07-14T17:30:00Z') });
    expect(r.asOf).toBe('2024-07-15');
    expect(digestOf(r, agency.id)!.points[0].offsetDays).toBe(-1);
    const before = await sut.scan({ now: new Date('2024-07-14T16:59:00Z') });
    expect(before.asOf).toBe('2024-07-14');
  });

  it('should run scheduled scans only on working days and once each policy’s send time has come', async () => {
    const agency = await f.agency();
    const program = await f.program({ sendTime: '09:00' });
    const standalone = await f.task({ agency, dueDate: '2024-07-22' });
    const inProgram = await f.task({ agency, dueDate: '2024-07-22', program });
    // Saturday 13/07/2024 08:00 in TZ_APP (01:00 UTC): a day off.
    expect((await sut.scan({ scheduled: true, now: new Date('2024-07-13T01:00:00Z') })).skipped).toMatch(
      /not a working day/,
    );
    // Monday 15/07 07:00: before every send time.
    expect((await sut.scan({ scheduled: true, now: new Date('2024-07-15T00:00:00Z') })).skipped).toMatch(/send time/);
    // 07:31: the default policy's tasks only.
    const first = await sut.scan({ scheduled: true, now: new Date('2024-07-15T00:31:00Z') });
    expect(digestOf(first, agency.id)!.points).toEqual([{ taskId: standalone.id, offsetDays: -7 }]);
    // 09:00: the program's too.
    const second = await sut.scan({ scheduled: true, now: new Date('2024-07-15T02:00:00Z') });
    expect(digestOf(second, agency.id)!.points).toEqual([{ taskId: inProgram.id, offsetDays: -7 }]);
  });

  it('should read, validate and apply a program’s reminder policy', async () => {
    const agency = await f.agency();
    const program = await f.program();
    const office = await createUser(t, admin, { role: UserRole.Office });
    const officeToken = await t.login(office.email, TEST_USER_PASSWORD);
    const agencyUser = await createUser(t, admin, { role: UserRole.Agency, agencyId: agency.id });
    const agencyToken = await t.login(agencyUser.email, TEST_USER_PASSWORD);
    const url = `/api/programs/${program.id}/reminder-policy`;

    const got = await t.http.get(url).set('Authorization', `Bearer ${officeToken}`).expect(200);
    expect(got.body).toEqual({
      programId: program.id,
      override: null,
      policy: {
        beforeDays: [7, 3, 1],
        onDueDate: true,
        overdueEveryDays: 7,
        escalateAfterDays: 14,
        sendTime: '07:30',
        workingDaysOnly: true,
        enabled: true,
      },
      defaults: {
        beforeDays: [7, 3, 1],
        onDueDate: true,
        overdueEveryDays: 7,
        escalateAfterDays: 14,
        sendTime: '07:30',
        workingDaysOnly: true,
        enabled: true,
      },
    });
    await t.http.get(url).set('Authorization', `Bearer ${agencyToken}`).expect(403);
    await t.http.put(url).set('Authorization', `Bearer ${agencyToken}`).send({ enabled: false }).expect(403);
    await t.http.get('/api/programs/999999/reminder-policy').set('Authorization', `Bearer ${officeToken}`).expect(404);

    const bad = await t.http
      .put(url)
      .set('Authorization', `Bearer ${officeToken}`)
      .send({ beforeDays: [5, 5, 0], sendTime: '25:00', overdueEveryDays: 0, extra: 1 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['beforeDays', 'sendTime', 'overdueEveryDays', 'extra']),
    );
    expect(bad.body.details.find((d: { field: string }) => d.field === 'sendTime').message).toBe(
      'Giờ gửi: phải là giờ dạng HH:MM, từ 00:00 đến 23:59',
    );

    const put = await t.http
      .put(url)
      .set('Authorization', `Bearer ${officeToken}`)
      .send({ beforeDays: [1, 10], escalateAfterDays: 21 })
      .expect(200);
    expect(put.body.override).toEqual({ beforeDays: [1, 10], escalateAfterDays: 21 });
    expect(put.body.policy).toMatchObject({ beforeDays: [10, 1], escalateAfterDays: 21, sendTime: '07:30' });

    const inProgram = await f.task({ agency, dueDate: addDays(D, 10), program });
    const standalone = await f.task({ agency, dueDate: addDays(D, 10) });
    const r = await sut.scan({ asOf: D });
    expect(digestOf(r, agency.id)!.points).toEqual([{ taskId: inProgram.id, offsetDays: -10 }]);

    await t.http.put(url).set('Authorization', `Bearer ${admin}`).send({ enabled: false }).expect(200);
    await f.extend(inProgram, addDays(D, 3));
    const off = await sut.scan({ asOf: addDays(D, 3) });
    expect(digestOf(off, agency.id)!.points).toEqual([{ taskId: standalone.id, offsetDays: -7 }]);

    const reset = await t.http.put(url).set('Authorization', `Bearer ${admin}`).send({}).expect(200);
    expect(reset.body.override).toBeNull();
  });

  it('should guard POST /api/reminders/scan and validate asOf', async () => {
    const agency = await f.agency();
    const agencyUser = await createUser(t, admin, { role: UserRole.Agency, agencyId: agency.id });
    const agencyToken = await t.login(agencyUser.email, TEST_USER_PASSWORD);
    await t.http.post('/api/reminders/scan').set('Authorization', `Bearer ${agencyToken}`).send({}).expect(403);
    const bad = await t.http
      .post('/api/reminders/scan')
      .set('Authorization', `Bearer ${admin}`)
      .send({ asOf: '2024-02-30' })
      .expect(400);
    expect(bad.body.details).toEqual([
      {
        field: 'asOf',
        message: 'Ngày tính số liệu: phải là ngày hợp lệ dạng YYYY-MM-DD, từ 01/01/2000 đến 31/12/2100',
      },
    ]);
    const ok = await t.http
      .post('/api/reminders/scan')
      .set('Authorization', `Bearer ${admin}`)
      .send({ asOf: '2030-01-01' })
      .expect(200);
    expect(ok.body).toMatchObject({ asOf: '2030-01-01', points: 0, digests: [] });
  });

  it('should run the scan and the weekly summary as jobs of the reminders queue', async () => {
    const agency = await f.agency({ name: 'Sở Hàng đợi (thử)' });
    const task = await f.task({ agency, dueDate: '2024-09-10' });
    const producer = t.get(JobProducer);
    await producer.enqueue(JobName.ScanDueReminders, { asOf: '2024-09-17' });
    await waitFor(async () => (await f.mailsOfAgency(agency.id)).length === 1, 30_000, 'the scan job');
    expect((await f.logsOf([task.id])).map((l) => l.offsetDays)).toEqual([7]);

    const since = t.smtp!.received.length;
    await producer.enqueue(JobName.WeeklyOverdueSummary, { asOf: '2024-09-23' });
    await waitFor(
      () => Promise.resolve(to(OFFICE, since).some((m) => m.parsed.subject?.startsWith('[Tổng hợp tuần]'))),
      30_000,
      'the weekly summary',
    );
    const summary = to(OFFICE, since).find((m) => m.parsed.subject?.startsWith('[Tổng hợp tuần]'))!;
    expect(summary.parsed.subject).toBe(
      '[Tổng hợp tuần] Nhiệm vụ quá hạn đến ngày 23/09/2024: 1 nhiệm vụ của 1 cơ quan',
    );
    expect(summary.parsed.text).toContain('1. Sở Hàng đợi (thử): 1 nhiệm vụ (quá hạn lâu nhất 13 ngày)');
    expect((await sut.weeklySummary({ asOf: '2024-09-23' })).skipped).toBe('already sent for this day');
  });

  it('should register the daily scan and the Monday summary as job schedulers in TZ_APP, one per send time', async () => {
    const queue = t.get(JobProducer).queue(QueueName.Reminders);
    const schedules = t.get(ReminderSchedulesService);
    await waitFor(
      async () => (await queue.getJobSchedulers()).some((s) => s.key === 'reminders-daily-scan'),
      30_000,
      'the boot-time schedulers',
    );
    const program = await f.program({ sendTime: '09:15' });
    await schedules.sync();
    const byKey = new Map((await queue.getJobSchedulers()).map((s) => [s.key, s]));
    expect(byKey.get('reminders-daily-scan')).toMatchObject({
      pattern: '30 7 * * *',
      tz: 'Asia/Ho_Chi_Minh',
      name: JobName.ScanDueReminders,
    });
    expect(byKey.get('reminders-daily-scan-0915')).toMatchObject({ pattern: '15 9 * * *', tz: 'Asia/Ho_Chi_Minh' });
    // Digests whose job failed for good or was lost are queued again every 15 minutes.
    expect(byKey.get('reminders-sweep-digests')).toMatchObject({ name: JobName.SweepReminderDigests });
    expect(Number(byKey.get('reminders-sweep-digests')!.every)).toBe(15 * 60_000);
    expect(byKey.get('reminders-weekly-summary')).toMatchObject({
      pattern: '30 7 * * 1',
      tz: 'Asia/Ho_Chi_Minh',
      name: JobName.WeeklyOverdueSummary,
    });

    await t.app.get(DataSource).getRepository(Program).update({ id: program.id }, { reminderPolicy: null });
    await schedules.sync();
    expect((await queue.getJobSchedulers()).map((s) => s.key)).not.toContain('reminders-daily-scan-0915');
  });
});

import { UnrecoverableError, Worker } from 'bullmq';
import { DataSource, In, IsNull } from 'typeorm';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { addDays } from 'src/core/time/local-date';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { Notification } from 'src/modules/notifications/notification.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { ReminderLetter } from 'src/modules/reminders/reminder-letter.entity';
import { ReminderLog } from 'src/modules/reminders/reminder-log.entity';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { TestApp } from 'test/utils/create-test-app';

const D = '2024-07-15'; // a Monday

/**
 * The scan job records the reminder points and queues one BuildReminderDigest job per agency; the
 * digest job writes the mail from the recorded points (RemindersService.buildDigest). No worker runs
 * here, so each step is seen as it is left: the test calls the handler.
 */
describe('reminder digests as jobs of their own (e2e)', () => {
  let t: TestApp;
  let f: ReminderFixtures;
  let sut: RemindersService;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false, smtp: true });
    f = new ReminderFixtures(t);
    sut = t.get(RemindersService);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await f.closeAllOpen();
  });

  const ds = () => t.get(DataSource);
  const queue = () => t.get(JobProducer).queue(QueueName.Reminders);
  const pendingOf = (agencyId: number) => ds().getRepository(ReminderLog).findBy({ agencyId, mailMessageId: IsNull() });

  it('should record the points in the scan, queue one digest job per agency, and write the digest from the job once', async () => {
    const agency = await f.agency({ name: 'Sở Nội vụ (thử hàng đợi)' });
    const staff = await f.user({ role: UserRole.Agency, agencyId: agency.id });
    const overdue = await f.task({ agency, dueDate: addDays(D, -7), title: 'Báo cáo <quý> & "kết quả"' });
    const soon = await f.task({ agency, dueDate: addDays(D, 3) });

    const r = await sut.scan({ asOf: D, digests: 'queued' });

    expect(r.digests).toEqual([]);
    const q = r.queued!.find((x) => x.agencyId === agency.id)!;
    expect(q.points.map((p) => [p.taskId, p.offsetDays]).sort()).toEqual(
      [
        [overdue.id, 7],
        [soon.id, -3],
      ].sort(),
    );
    // Recorded, not yet written: no mail, the points wait for their digest.
    const pending = await pendingOf(agency.id);
    expect(pending).toHaveLength(2);
    expect(await f.mailsOfAgency(agency.id)).toHaveLength(0);
    const first = Math.min(...pending.map((p) => p.id));
    expect(q.jobId).toBe(`digest-${first}`);
    const job = await queue().getJob(q.jobId!);
    expect(job?.name).toBe(JobName.BuildReminderDigest);
    expect(job?.data).toEqual({ reminderLogId: first });
    // A second scan of the day records nothing and queues nothing new.
    const again = await sut.scan({ asOf: D, digests: 'queued' });
    expect(again.queued!.find((x) => x.agencyId === agency.id)).toBeUndefined();

    expect(await sut.buildDigest(first)).toBe('written');
    const [mail] = await f.mailsOfAgency(agency.id);
    expect(mail).toMatchObject({
      kind: MailKind.ReminderDigest,
      status: MailStatus.Queued,
      subject: '[Nhắc việc] Sở Nội vụ (thử hàng đợi): 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn',
    });
    expect(mail.to.sort()).toEqual([agency.emails[0], staff.email].sort());
    expect(mail.html).toContain('Báo cáo &lt;quý&gt; &amp; &quot;kết quả&quot;');
    expect(mail.text).toContain('quá hạn 7 ngày');
    expect((await f.logsOf([overdue.id, soon.id])).map((l) => l.mailMessageId)).toEqual([mail.id, mail.id]);
    expect(await t.get(JobProducer).queue(QueueName.Mail).getJob(`mail-${mail.id}`)).toBeDefined();
    const inbox = await ds().getRepository(Notification).findBy({ userId: staff.id });
    expect(inbox.map((n) => n.title)).toEqual([mail.subject]);

    // The job again (a retry, a duplicate, the sweep): nothing twice.
    expect(await sut.buildDigest(first)).toBe('skipped');
    expect(await f.mailsOfAgency(agency.id)).toHaveLength(1);
  });

  it('should record each point once when queued scans race, each agency in one scan', async () => {
    const agencies = await Promise.all([f.agency(), f.agency(), f.agency()]);
    const tasks = [];
    for (const a of agencies)
      for (const offset of [-3, 0, 7]) tasks.push(await f.task({ agency: a, dueDate: addDays(D, -offset) }));

    const results = await Promise.all([0, 1, 2].map(() => sut.scan({ asOf: D, digests: 'queued' })));

    const queued = results.flatMap((r) => r.queued!).filter((q) => agencies.some((a) => a.id === q.agencyId));
    expect(queued.map((q) => q.agencyId).sort()).toEqual(agencies.map((a) => a.id).sort());
    expect(await f.logsOf(tasks.map((x) => x.id))).toHaveLength(9);
    for (const q of queued) expect(await sut.buildDigest(Number(q.jobId!.replace('digest-', '')))).toBe('written');
    for (const a of agencies) expect(await f.mailsOfAgency(a.id)).toHaveLength(1);
  });

  it('should write one digest when two jobs of the same agency run at once', async () => {
    const agency = await f.agency();
    await f.task({ agency, dueDate: addDays(D, 1) });
    await f.task({ agency, dueDate: addDays(D, -14) }); // escalates: a letter too
    const r = await sut.scan({ asOf: D, digests: 'queued' });
    const id = Number(r.queued!.find((x) => x.agencyId === agency.id)!.jobId!.replace('digest-', ''));

    const outcomes = await Promise.all([sut.buildDigest(id), sut.buildDigest(id)]);

    expect(outcomes.sort()).toEqual(['skipped', 'written']);
    const mails = await f.mailsOfAgency(agency.id);
    expect(mails.map((m) => m.kind).sort()).toEqual([MailKind.Escalation, MailKind.ReminderDigest].sort());
    expect(await ds().getRepository(ReminderLetter).countBy({ agencyId: agency.id })).toBe(1);
    expect(await pendingOf(agency.id)).toHaveLength(0);
  });

  it('should leave the points pending when a digest job fails, and write the digest once on its retry', async () => {
    const agency = await f.agency();
    await f.user({ role: UserRole.Agency, agencyId: agency.id });
    const task = await f.task({ agency, dueDate: addDays(D, -21) });
    const r = await sut.scan({ asOf: D, digests: 'queued' });
    const id = Number(r.queued!.find((x) => x.agencyId === agency.id)!.jobId!.replace('digest-', ''));
    // The inbox write fails inside the digest's transaction, after its mail rows were written.
    jest.spyOn(t.get(NotificationsService), 'notify').mockRejectedValueOnce(new Error('disk full'));

    await expect(sut.buildDigest(id)).rejects.toThrow(/retrying/);

    expect(await f.mailsOfAgency(agency.id)).toHaveLength(0);
    expect(await ds().getRepository(ReminderLetter).countBy({ agencyId: agency.id })).toBe(0);
    expect((await f.logsOf([task.id])).map((l) => l.mailMessageId)).toEqual([null]);
    expect(await sut.buildDigest(id)).toBe('written');
    const mails = await f.mailsOfAgency(agency.id);
    expect(mails.filter((m) => m.kind === MailKind.ReminderDigest)).toHaveLength(1);
    expect(mails.filter((m) => m.kind === MailKind.Escalation)).toHaveLength(1);
  });

  it('should not lose a digest when its job never reached Redis or was lost: the next scan queues it again', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: addDays(D, 3) });
    // Redis is down when the scan queues its digests: the points are recorded all the same.
    const producer = t.get(JobProducer);
    jest.spyOn(producer, 'enqueue').mockRejectedValue(new Error('redis down'));
    jest.spyOn(producer, 'enqueueMany').mockRejectedValue(new Error('redis down'));
    const r = await sut.scan({ asOf: D, digests: 'queued' });
    expect(r.queued!.find((x) => x.agencyId === agency.id)).toBeDefined();
    const [point] = await pendingOf(agency.id);
    expect(point).toMatchObject({ taskId: task.id, offsetDays: -3 });
    expect(await queue().getJob(`digest-${point.id}`)).toBeUndefined();
    jest.restoreAllMocks();

    // The next scan (the scan job's retry, or tomorrow's) sends nothing new for the task, queues the digest.
    const next = await sut.scan({ asOf: D, digests: 'queued' });
    expect(next.points).toBe(0);
    expect((await queue().getJob(`digest-${point.id}`))?.data).toEqual({ reminderLogId: point.id });

    // A job lost from Redis (its data gone) is added again by the next scan.
    await (await queue().getJob(`digest-${point.id}`))!.remove();
    await sut.scan({ asOf: D, digests: 'queued' });
    expect((await queue().getJob(`digest-${point.id}`))?.data).toEqual({ reminderLogId: point.id });

    expect(await sut.buildDigest(point.id)).toBe('written');
    expect((await f.mailsOfAgency(agency.id)).map((m) => m.kind)).toEqual([MailKind.ReminderDigest]);
    expect(await pendingOf(agency.id)).toHaveLength(0);
  });

  it('should queue again, without waiting for the next scan, a digest whose job failed for good', async () => {
    const agency = await f.agency();
    await f.task({ agency, dueDate: addDays(D, 3) });
    await queue().drain(); // earlier tests' jobs: this one takes the next waiting job by hand
    const r = await sut.scan({ asOf: D, digests: 'queued' });
    const jobId = r.queued!.find((x) => x.agencyId === agency.id)!.jobId!;
    // A worker takes the job and it fails for good (no retry left).
    const worker = new Worker(queue().name, null, {
      connection: queue().opts.connection,
      prefix: queue().opts.prefix,
      autorun: false,
    });
    try {
      const token = 'test-token';
      let job = await worker.getNextJob(token);
      while (job && job.id !== jobId) {
        await job.moveToCompleted('not this test', token, false);
        job = await worker.getNextJob(token);
      }
      expect(job?.id).toBe(jobId);
      await job.moveToFailed(new UnrecoverableError('disk full'), token, false);
    } finally {
      await worker.close();
    }
    expect(await (await queue().getJob(jobId))!.getState()).toBe('failed');
    expect(await pendingOf(agency.id)).toHaveLength(1);

    // The periodic sweep (SweepReminderDigests, every 15 minutes) queues it again; a waiting job is left alone.
    expect(await sut.sweepPending()).toMatchObject({ digests: 1 });
    expect(await (await queue().getJob(jobId))!.getState()).toBe('waiting');
    expect(await sut.sweepPending()).toMatchObject({ digests: 0 });

    expect(await sut.buildDigest(Number(jobId.replace('digest-', '')))).toBe('written');
    expect((await f.mailsOfAgency(agency.id)).map((m) => m.kind)).toEqual([MailKind.ReminderDigest]);
    expect(await pendingOf(agency.id)).toHaveLength(0);
  });

  it('should queue the points a later scan of the day records for an agency whose digest is already written', async () => {
    const agency = await f.agency();
    const early = await f.task({ agency, dueDate: addDays(D, 1) });
    const r = await sut.scan({ asOf: D, digests: 'queued' });
    const firstId = Number(r.queued!.find((x) => x.agencyId === agency.id)!.jobId!.replace('digest-', ''));
    expect(await sut.buildDigest(firstId)).toBe('written');
    // A program whose send time comes later in the day: its task reaches its point in a second scan.
    const late = await f.task({ agency, dueDate: addDays(D, 3) });
    const second = await sut.scan({ asOf: D, digests: 'queued' });
    const q = second.queued!.find((x) => x.agencyId === agency.id)!;
    expect(q.points).toEqual([{ taskId: late.id, offsetDays: -3 }]);
    expect(q.jobId).not.toBe(`digest-${firstId}`);
    expect(await sut.buildDigest(Number(q.jobId!.replace('digest-', '')))).toBe('written');
    const mails = await f.mailsOfAgency(agency.id);
    expect(mails).toHaveLength(2);
    const logs = await f.logsOf([early.id, late.id]);
    expect(new Set(logs.map((l) => l.mailMessageId))).toEqual(new Set(mails.map((m) => m.id)));
    const rows = await ds()
      .getRepository(MailMessage)
      .findBy({ id: In(mails.map((m) => m.id)) });
    expect(rows.every((m) => m.status === MailStatus.Queued)).toBe(true);
  });
  // Programs with their own send times: the scheduler runs a scan at each, and each scan applies the
  // policies whose time has come. Monday 15/07/2024 in TZ_APP (UTC+7).
  const at = (local: string) => new Date(`${D}T${local}:00+07:00`);
  const letterOf = async (agencyId: number) =>
    (
      await ds()
        .getRepository(ReminderLetter)
        .find({ where: { agencyId }, order: { id: 'ASC' } })
    ).map((l) => l.taskIds);

  it('should list in an early digest’s letter only the overdue tasks of the programs whose send time had come', async () => {
    const agency = await f.agency();
    const early = await f.program({ sendTime: '08:00' });
    const late = await f.program({ sendTime: '10:00' });
    const earlyTask = await f.task({ agency, program: early, dueDate: addDays(D, -14) }); // +14 today: escalates
    const lateTask = await f.task({ agency, program: late, dueDate: addDays(D, -21) }); // +21 today: escalates

    const first = await sut.scan({ scheduled: true, now: at('08:05'), digests: 'queued' });
    const q1 = first.queued!.find((x) => x.agencyId === agency.id)!;
    expect(q1.points).toEqual([{ taskId: earlyTask.id, offsetDays: 14 }]);
    expect((await pendingOf(agency.id)).map((p) => p.scanTime)).toEqual(['08:05']);
    expect(await sut.buildDigest(Number(q1.jobId!.replace('digest-', '')))).toBe('written');
    // The 10:00 program's overdue task is not in the 08:00 letter: its own scan will chase it.
    expect(await letterOf(agency.id)).toEqual([[earlyTask.id]]);

    const second = await sut.scan({ scheduled: true, now: at('10:05'), digests: 'queued' });
    const q2 = second.queued!.find((x) => x.agencyId === agency.id)!;
    expect(q2.points).toEqual([{ taskId: lateTask.id, offsetDays: 21 }]);
    expect(await sut.buildDigest(Number(q2.jobId!.replace('digest-', '')))).toBe('written');
    // At 10:05 both programs' send times have come: the letter lists the agency's overdue tasks of both.
    expect(await letterOf(agency.id)).toEqual([[earlyTask.id], [lateTask.id, earlyTask.id]]);
  });

  it('should keep the early scan’s scope on a retry and when a later scan’s sweep queues the digest again', async () => {
    const agency = await f.agency();
    await f.user({ role: UserRole.Agency, agencyId: agency.id });
    const early = await f.program({ sendTime: '08:00' });
    const late = await f.program({ sendTime: '10:00' });
    const earlyTask = await f.task({ agency, program: early, dueDate: '2024-07-01' }); // +14 on 15/07: escalates
    const lateTask = await f.task({ agency, program: late, dueDate: '2024-07-03' }); // overdue, next point +14 on 17/07
    // Their +7 points went out on 10/07 (a manual scan): on 15/07 only the early task reaches a point.
    await sut.scan({ asOf: '2024-07-10' });
    expect((await f.logsOf([lateTask.id])).map((l) => l.offsetDays)).toEqual([7]);

    // Redis is down when the 08:05 scan queues its digests: the points are recorded with their scan's time.
    const producer = t.get(JobProducer);
    jest.spyOn(producer, 'enqueue').mockRejectedValue(new Error('redis down'));
    jest.spyOn(producer, 'enqueueMany').mockRejectedValue(new Error('redis down'));
    await sut.scan({ scheduled: true, now: at('08:05'), digests: 'queued' });
    const [point] = await pendingOf(agency.id);
    expect(point).toMatchObject({ taskId: earlyTask.id, offsetDays: 14, scanTime: '08:05' });
    jest.restoreAllMocks();

    // The 10:05 scan records nothing for the agency and queues the waiting batch again, with its id only.
    const sweeping = await sut.scan({ scheduled: true, now: at('10:05'), digests: 'queued' });
    expect(sweeping.queued!.find((x) => x.agencyId === agency.id)).toBeUndefined();
    expect((await queue().getJob(`digest-${point.id}`))?.data).toEqual({ reminderLogId: point.id });

    // A first attempt fails; the retry judges the batch by the points' scan, not by the scan that queued it.
    jest.spyOn(t.get(NotificationsService), 'notify').mockRejectedValueOnce(new Error('disk full'));
    await expect(sut.buildDigest(point.id)).rejects.toThrow(/retrying/);
    expect(await sut.buildDigest(point.id)).toBe('written');
    expect(await letterOf(agency.id)).toEqual([[earlyTask.id]]);
  });
});

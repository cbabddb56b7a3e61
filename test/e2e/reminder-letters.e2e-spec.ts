import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { addDays } from 'src/core/time/local-date';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailStatus } from 'src/modules/mail/mail.enums';
import { MailService } from 'src/modules/mail/mail.service';
import { ReminderLetter } from 'src/modules/reminders/reminder-letter.entity';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { TestApp } from 'test/utils/create-test-app';
import { docxText } from 'test/utils/docx-text';
import { readFileSync } from 'node:fs';

const D = '2024-07-15';
const FIRST = { attempt: 1, final: false };

/**
 * The công văn of an escalation is drawn by a job of its own (RenderReminderLetter) after the scan has
 * recorded its points and queued its digests; the office's copy that carries it is held until then.
 * No worker runs here, so each step is seen as it is left: the handler is called by the test.
 */
describe('reminder letters as jobs of their own (e2e)', () => {
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
    await f.closeAllOpen();
  });

  const mails = () => t.get(DataSource).getRepository(MailMessage);
  const letters = () => t.get(DataSource).getRepository(ReminderLetter);

  it('should queue the digest at once, hold the office copy without its letter, and release it with the letter from the job', async () => {
    const agency = await f.agency({ name: 'Sở Công Thương (thử công văn)' });
    const late = await f.task({ agency, dueDate: addDays(D, -21), sourceDocument: 'Kế hoạch số 21/KH-UBND' });
    const other = await f.task({ agency, dueDate: addDays(D, -10) }); // overdue, no point today: in the letter too
    await f.task({ agency, dueDate: addDays(D, 3) });

    const r = await sut.scan({ asOf: D });
    const d = r.digests.find((x) => x.agencyId === agency.id)!;
    expect(d.escalationMailMessageId).not.toBeNull();
    expect((await mails().findOneByOrFail({ id: d.mailMessageId })).status).toBe(MailStatus.Queued);
    const held = await mails().findOneByOrFail({ id: d.escalationMailMessageId! });
    expect(held).toMatchObject({ status: MailStatus.Held, attachments: [] });
    const pending = await letters().findOneByOrFail({ id: d.letterId! });
    expect(pending).toMatchObject({ size: 0, mailMessageId: held.id, scanDate: D });
    expect(pending.taskIds.sort()).toEqual([late.id, other.id].sort());
    expect(existsSync(sut.letterPath(pending))).toBe(false);
    // The letter's job is on the reminders queue; the held copy has no delivery job.
    const queue = t.get(JobProducer).queue(QueueName.Reminders);
    const job = await queue.getJob(`letter-${pending.id}`);
    expect(job?.name).toBe(JobName.RenderReminderLetter);
    expect(job?.data).toEqual({ reminderLetterId: pending.id });
    expect(await t.get(JobProducer).queue(QueueName.Mail).getJob(`mail-${held.id}`)).toBeUndefined();

    // Delivery of a held message sends nothing (the mail never goes out without its letter).
    const since = t.smtp!.received.length;
    expect(await t.get(MailService).deliver(held.id, FIRST)).toBe('skipped');
    expect(t.smtp!.received.length).toBe(since);

    expect(await sut.renderLetter(pending.id, FIRST)).toBe('rendered');
    const drawn = await letters().findOneByOrFail({ id: pending.id });
    expect(drawn.size).toBeGreaterThan(0);
    const text = docxText(readFileSync(sut.letterPath(drawn)));
    expect(text).toContain('Sở Công Thương (thử công văn)');
    expect(text).toContain('Kế hoạch số 21/KH-UBND');
    const released = await mails().findOneByOrFail({ id: held.id });
    expect(released.status).toBe(MailStatus.Queued);
    expect(released.attachments).toEqual([
      expect.objectContaining({ path: drawn.path, filename: `cong-van-don-doc-${agency.code}-${D}.docx` }),
    ]);
    expect(await t.get(JobProducer).queue(QueueName.Mail).getJob(`mail-${held.id}`)).toBeDefined();

    // Sent now, with the letter attached.
    expect(await t.get(MailService).deliver(held.id, FIRST)).toBe('sent');
    const sent = t.smtp!.received.slice(since).find((m) => m.parsed.subject?.startsWith('[Đôn đốc] Sở Công Thương (thử công văn)'));
    expect(sent?.parsed.attachments.map((a) => a.filename)).toEqual([`cong-van-don-doc-${agency.code}-${D}.docx`]);

    // A second run of the job (a retry, a duplicate) draws nothing again.
    expect(await sut.renderLetter(pending.id, FIRST)).toBe('skipped');
  });

  it('should fail the office copy, never send it bare, when the letter cannot be drawn on its last attempt', async () => {
    const agency = await f.agency();
    await f.task({ agency, dueDate: addDays(D, -14) });
    const d = (await sut.scan({ asOf: D })).digests.find((x) => x.agencyId === agency.id)!;
    // The letters directory cannot be written: a file stands where the year's folder should be.
    const letter = await letters().findOneByOrFail({ id: d.letterId! });
    await letters().update({ id: letter.id }, { path: `${letter.path}/impossible.docx` });
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(sut.letterPath(letter)), { recursive: true });
    writeFileSync(sut.letterPath(letter), 'not a folder');
    await expect(sut.renderLetter(letter.id, FIRST)).rejects.toThrow();
    expect((await mails().findOneByOrFail({ id: d.escalationMailMessageId! })).status).toBe(MailStatus.Held);
    expect(await sut.renderLetter(letter.id, { attempt: 5, final: true })).toBe('failed');
    const failed = await mails().findOneByOrFail({ id: d.escalationMailMessageId! });
    expect(failed.status).toBe(MailStatus.Failed);
    expect(failed.lastError).toContain('Không tạo được dự thảo công văn đôn đốc');
    expect(await t.get(MailService).deliver(failed.id, FIRST)).toBe('skipped');
  });
});

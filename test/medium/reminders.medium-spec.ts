import { DataSource } from 'typeorm';
import { JobName } from 'src/core/queue/job-names';
import { addDays } from 'src/core/time/local-date';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailStatus } from 'src/modules/mail/mail.enums';
import { RemindersModule } from 'src/modules/reminders/reminders.module';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { MediumApp, startMedium } from './medium-app';

const D = '2024-07-15'; // a Monday

/** RemindersService.scan on a real database (queues faked): which points are recorded, and that each is recorded once. */
describe('RemindersService (medium)', () => {
  let m: MediumApp;
  let f: ReminderFixtures;
  let sut: RemindersService;

  beforeAll(async () => {
    m = await startMedium([RemindersModule]);
    f = new ReminderFixtures(m);
    sut = m.get(RemindersService);
  });
  afterAll(() => m?.close());
  afterEach(async () => {
    await f.closeAllOpen();
    m.jobs.failing = false;
  });

  const mails = (ids: number[]) => m.get(DataSource).getRepository(MailMessage).findBy(ids.map((id) => ({ id })));

  it('should record each point once however often the day is scanned, and queue one mail per digest', async () => {
    const agency = await f.agency();
    const overdue = await f.task({ agency, dueDate: addDays(D, -7) });
    const soon = await f.task({ agency, dueDate: addDays(D, 3) });
    const done = await f.task({ agency, dueDate: addDays(D, -7), status: TaskStatus.Done });
    const far = await f.task({ agency, dueDate: addDays(D, 30) });
    const jobsBefore = m.jobs.of(JobName.SendEmail).length;

    const first = await sut.scan({ asOf: D });
    const again = await sut.scan({ asOf: D });
    const [x, y] = await Promise.all([sut.scan({ asOf: D }), sut.scan({ asOf: D })]);

    const digest = first.digests.find((d) => d.agencyId === agency.id)!;
    expect(digest.points.map((p) => [p.taskId, p.offsetDays]).sort()).toEqual([[overdue.id, 7], [soon.id, -3]].sort());
    for (const later of [again, x, y]) expect(later.digests.find((d) => d.agencyId === agency.id)).toBeUndefined();
    expect((await f.logsOf([overdue.id, soon.id, done.id, far.id])).map((l) => [l.taskId, l.offsetDays, l.scanDate]).sort()).toEqual(
      [[overdue.id, 7, D], [soon.id, -3, D]].sort(),
    );
    expect(await f.mailsOfAgency(agency.id)).toHaveLength(1);
    const queued = m.jobs.of(JobName.SendEmail).slice(jobsBefore);
    expect(queued.map((j) => j.data)).toEqual([{ mailMessageId: digest.mailMessageId }]);
    expect(queued[0].opts.jobId).toBe(`mail-${digest.mailMessageId}`);
  });

  it('should keep the points and the mail when the queue is down, for the sweep to send', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: addDays(D, 1) });
    m.jobs.failing = true;

    const r = await sut.scan({ asOf: D });

    const digest = r.digests.find((d) => d.agencyId === agency.id)!;
    expect((await f.logsOf([task.id])).map((l) => l.offsetDays)).toEqual([-1]);
    expect((await mails([digest.mailMessageId])).map((mail) => mail.status)).toEqual([MailStatus.Queued]);
    m.jobs.failing = false;
    expect((await sut.scan({ asOf: D })).digests.find((d) => d.agencyId === agency.id)).toBeUndefined();
  });

  it('should remind a task again at its next point after its due date moves', async () => {
    const agency = await f.agency();
    const task = await f.task({ agency, dueDate: addDays(D, 1) });
    await sut.scan({ asOf: D });
    await f.extend(task, addDays(D, 3));

    const r = await sut.scan({ asOf: D });

    expect(r.digests.find((d) => d.agencyId === agency.id)?.points.map((p) => p.offsetDays)).toEqual([-3]);
    expect((await f.logsOf([task.id])).map((l) => l.offsetDays).sort((a, b) => a - b)).toEqual([-3, -1]);
  });
});

import { DataSource, In } from 'typeorm';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { Agency } from 'src/modules/agencies/agency.entity';
import { addDays, todayIn } from 'src/core/time/local-date';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind, MailStatus } from 'src/modules/mail/mail.enums';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { Task } from 'src/modules/tasks/task.entity';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { TestApp } from 'test/utils/create-test-app';
import { distEntry, runNode, Running, startNode, waitFor } from 'test/utils/spawn-process';

const D = '2024-07-15';

/**
 * Two worker processes on one database and one Redis: the app (with its processors) and
 * `node dist/src/worker.js` (built by `npx nest build`, as scripts/test.sh does first). Scans run as
 * jobs on both and directly in the app, all at once; each point still goes out once.
 */
describe('reminders on two worker processes (e2e)', () => {
  let t: TestApp;
  let f: ReminderFixtures;
  let worker: Running;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, smtp: true });
    f = new ReminderFixtures(t);
    const db = t.config.database;
    worker = startNode(distEntry('worker'), [], {
      NODE_ENV: 'test',
      DATA_DIR: t.dataDir,
      DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.url}`,
      REDIS_URL: t.config.redis.url,
      SMTP_URL: t.smtp!.url,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    });
    await waitFor(
      () => Promise.resolve(worker.output().includes('nhiemvu worker started')),
      60_000,
      `the second worker to start\n${worker.output()}`,
    );
  });
  afterAll(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await t?.close();
  });

  it('should send each point once however many scans run at once on both processes', async () => {
    const agencies: Agency[] = [];
    const tasks: Task[] = [];
    for (let i = 0; i < 4; i++) {
      const agency = await f.agency();
      agencies.push(agency);
      for (let j = 0; j < 3; j++) tasks.push(await f.task({ agency, dueDate: addDays(D, 7) }));
    }
    const producer = t.get(JobProducer);
    const queue = producer.queue(QueueName.Reminders);
    const reminders = t.get(RemindersService);
    const since = t.smtp!.received.length;

    // Four rounds: −7, −3, −1 and 0 days from the due date.
    for (const asOf of [D, addDays(D, 4), addDays(D, 6), addDays(D, 7)]) {
      const jobIds = await Promise.all(
        Array.from({ length: 6 }, () => producer.enqueue(JobName.ScanDueReminders, { asOf })),
      );
      await Promise.all([reminders.scan({ asOf }), reminders.scan({ asOf })]);
      await waitFor(
        async () =>
          (await Promise.all(jobIds.map(async (id) => (await queue.getJob(id!))?.getState()))).every(
            (s) => s === 'completed',
          ),
        60_000,
        `the scan jobs of ${asOf}\n${worker.output().slice(-3000)}`,
      );
    }

    const ds = t.app.get(DataSource);
    // The scan jobs queue the digests as jobs of their own (BuildReminderDigest), on either process.
    const digestRows = () =>
      ds.getRepository(MailMessage).find({ where: { agencyId: In(agencies.map((a) => a.id)), kind: MailKind.ReminderDigest } });
    await waitFor(async () => (await digestRows()).length >= agencies.length * 4, 60_000, `the digest jobs\n${worker.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500)); // let any stray duplicate digest be written before counting
    const digests = await digestRows();
    for (const a of agencies) expect(digests.filter((m) => m.agencyId === a.id)).toHaveLength(4);
    const logs = await f.logsOf(tasks.map((x) => x.id));
    expect(logs).toHaveLength(tasks.length * 4);
    for (const task of tasks)
      expect(
        logs
          .filter((l) => l.taskId === task.id)
          .map((l) => l.offsetDays)
          .sort((a, b) => a - b),
      ).toEqual([-7, -3, -1, 0]);

    await waitFor(
      async () =>
        (await ds.getRepository(MailMessage).findBy({ id: In(digests.map((d) => d.id)) })).every(
          (m) => m.status === MailStatus.Sent,
        ),
      60_000,
      'delivery of the digests',
    ).catch(async (e: Error) => {
      const rows = await ds.getRepository(MailMessage).findBy({ id: In(digests.map((d) => d.id)) });
      const state = rows.map((r) => `#${r.id} ${r.status} (${r.attempts}, ${r.lastError ?? '-'})`).join('; ');
      throw new Error(`${e.message}: ${state}\n${worker.output().slice(-3000)}`);
    });
    await new Promise((r) => setTimeout(r, 500));
    const received = t.smtp!.received.slice(since);
    for (const a of agencies) expect(received.filter((m) => m.envelopeTo.includes(a.emails[0]))).toHaveLength(4);
    const ids = received.map((m) => Number(m.parsed.headers.get('x-nhiemvu-message-id')));
    expect(new Set(ids).size).toBe(ids.length);

    // The second process did take part: it ran scan jobs.
    expect(worker.output()).toMatch(/scan-due-reminders #\d+ attempt 1 started/);
  });

  it('should scan on the same local day from a CLI started with TZ=America/New_York or TZ=UTC, once', async () => {
    const agency = await f.agency();
    const today = todayIn(t.config.app.tz);
    const task = await f.task({ agency, dueDate: addDays(today, 3) });
    const db = t.config.database;
    const env = {
      NODE_ENV: 'test',
      DATA_DIR: t.dataDir,
      DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.url}`,
      REDIS_URL: t.config.redis.url,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    };
    const ny = await runNode(distEntry('cli'), ['remind'], { ...env, TZ: 'America/New_York' });
    const utc = await runNode(distEntry('cli'), ['remind'], { ...env, TZ: 'UTC' });
    expect(ny.code).toBe(0);
    expect(utc.code).toBe(0);
    const day = (out: string) => /reminder scan as of (\d{4}-\d{2}-\d{2})/.exec(out)?.[1];
    // The Hà Nội day, whichever zone the process is in (a run straddling local midnight may see the next day).
    expect([today, addDays(today, 1)]).toContain(day(ny.output));
    expect(day(utc.output)).toBe(day(ny.output));
    if (day(ny.output) === today) {
      expect(ny.output).toMatch(new RegExp(`${agency.code} +mail #\\d+ reminder_digest`));
      expect(utc.output).not.toContain(agency.code);
      expect((await f.logsOf([task.id])).map((l) => [l.offsetDays, l.scanDate])).toEqual([[-3, today]]);
    }
  });
});

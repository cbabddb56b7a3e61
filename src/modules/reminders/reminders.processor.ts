import { Logger } from '@nestjs/common';
import { HandlesJob, JobAttempt, JobHost, JobProcessor } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobOf } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ReminderSchedulesService } from './reminder-schedules.service';
import { RemindersService } from './reminders.service';

/** The reminders queue: the daily scan, its digests and letters, and the weekly summary (one at a time per worker). */
@JobProcessor(QueueName.Reminders, { concurrency: 1 })
export class RemindersProcessor extends JobHost {
  protected readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly reminders: RemindersService,
    private readonly schedules: ReminderSchedulesService,
  ) {
    super();
  }

  @HandlesJob(JobName.ScanDueReminders)
  async scan(job: JobOf<JobName.ScanDueReminders>): Promise<unknown> {
    const { asOf } = job.data;
    // From a scheduler (no asOf): each policy applies once its send time has come, days off skipped.
    // The scan records the points; each agency's digest is a BuildReminderDigest job of its own.
    const result = await this.reminders.scan(asOf ? { asOf, digests: 'queued' } : { scheduled: true, digests: 'queued' });
    if (!asOf)
      await this.schedules.sync().catch((err: Error) => this.logger.warn(`schedule refresh failed: ${err.message}`));
    // What was written stays written (recorded points are not sent twice); a retry writes the rest.
    if (result.failed.length) throw new Error(`reminders of ${result.failed.join(', ')} could not be written; retrying`);
    return {
      asOf: result.asOf,
      points: result.points,
      digests: result.queued?.length ?? 0,
      digestJobs: result.queued?.flatMap((q) => (q.jobId ? [q.jobId] : [])) ?? [],
      conflicts: result.conflicts,
      failed: result.failed,
      skipped: result.skipped,
    };
  }

  @HandlesJob(JobName.BuildReminderDigest)
  async digest(job: JobOf<JobName.BuildReminderDigest>): Promise<unknown> {
    return this.reminders.buildDigest(job.data.reminderLogId);
  }

  @HandlesJob(JobName.SweepReminderDigests)
  async sweep(): Promise<{ digests: number; letters: number }> {
    return this.reminders.sweepPending();
  }

  @HandlesJob(JobName.RenderReminderLetter)
  async letter(job: JobOf<JobName.RenderReminderLetter>, attempt: JobAttempt): Promise<unknown> {
    return this.reminders.renderLetter(job.data.reminderLetterId, attempt);
  }

  @HandlesJob(JobName.WeeklyOverdueSummary)
  async weeklySummary(job: JobOf<JobName.WeeklyOverdueSummary>): Promise<unknown> {
    const { asOf } = job.data;
    return this.reminders.weeklySummary(asOf ? { asOf } : {});
  }
}

import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobHost } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobPayloads } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ReminderSchedulesService } from './reminder-schedules.service';
import { RemindersService } from './reminders.service';

/** The reminders queue: the daily scan and the weekly summary (one at a time per worker). */
@Processor(QueueName.Reminders, { concurrency: 1 })
export class RemindersProcessor extends JobHost {
  protected readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly reminders: RemindersService,
    private readonly schedules: ReminderSchedulesService,
  ) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.ScanDueReminders: {
        const { asOf } = job.data as JobPayloads[JobName.ScanDueReminders];
        // From a scheduler (no asOf): each policy applies once its send time has come, days off skipped.
        const result = await this.reminders.scan(asOf ? { asOf } : { scheduled: true });
        if (!asOf)
          await this.schedules
            .sync()
            .catch((err: Error) => this.logger.warn(`schedule refresh failed: ${err.message}`));
        // What was written stays written (recorded points are not sent twice); a retry writes the rest.
        if (result.failed.length)
          throw new Error(`reminders of ${result.failed.join(', ')} could not be written; retrying`);
        return {
          asOf: result.asOf,
          points: result.points,
          digests: result.digests.length,
          conflicts: result.conflicts,
          failed: result.failed,
          skipped: result.skipped,
        };
      }
      case JobName.WeeklyOverdueSummary: {
        const { asOf } = job.data as JobPayloads[JobName.WeeklyOverdueSummary];
        return await this.reminders.weeklySummary(asOf ? { asOf } : {});
      }
      default:
        return this.unknownJob(job);
    }
  }
}

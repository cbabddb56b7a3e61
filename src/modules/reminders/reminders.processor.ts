import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from 'src/core/queue/job-names';
import { JobPayloads } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ReminderSchedulesService } from './reminder-schedules.service';
import { RemindersService } from './reminders.service';

/** The reminders queue: the daily scan and the weekly summary (one at a time per worker). */
@Processor(QueueName.Reminders, { concurrency: 1 })
export class RemindersProcessor extends WorkerHost {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly reminders: RemindersService,
    private readonly schedules: ReminderSchedulesService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    this.logger.log(`${job.name} #${job.id} attempt ${attempt} started`);
    try {
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
          this.logger.warn(`unknown job ${job.name} on ${QueueName.Reminders}`);
          return undefined;
      }
    } finally {
      this.logger.log(`${job.name} #${job.id} attempt ${attempt} took ${Date.now() - started} ms`);
    }
  }
}

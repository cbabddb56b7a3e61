import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JobsOptions } from 'bullmq';
import { AppConfig } from 'src/core/config/configuration';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';
import { cronPattern } from './reminder-policy';
import { ReminderPolicyService } from './reminder-policy.service';

export const DAILY_SCAN_SCHEDULER = 'reminders-daily-scan';
export const WEEKLY_SUMMARY_SCHEDULER = 'reminders-weekly-summary';

const SCAN_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 90 * 24 * 3600, count: 1000 },
};

/**
 * The job schedulers of the reminders queue, in TZ_APP: the daily scan at the default send time
 * ('07:30' → '30 7 * * *'), one more scan at each other send time a program's policy asks for
 * ('reminders-daily-scan-0900'), and the weekly summary on Mondays at the default send time.
 * A scheduled scan applies each policy once its own send time has come (RemindersService.scan).
 * Called by the worker at boot and after a policy changes; idempotent (upsert, stale ones removed).
 */
@Injectable()
export class ReminderSchedulesService {
  private readonly logger = new Logger(ReminderSchedulesService.name);

  constructor(
    private readonly producer: JobProducer,
    private readonly policies: ReminderPolicyService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The send times to schedule: the default first, then the programs' own, without repeats. */
  async sendTimes(): Promise<string[]> {
    const defaults = this.policies.defaults();
    const overrides = [...(await this.policies.overrides()).values()].filter((p) => p.enabled).map((p) => p.sendTime);
    return [...new Set([defaults.sendTime, ...overrides.sort()])];
  }

  async sync(): Promise<void> {
    const queue = this.producer.queue(QueueName.Reminders);
    const tz = this.config.get('app.tz', { infer: true });
    const [defaultTime, ...others] = await this.sendTimes();
    const wanted = new Set<string>([DAILY_SCAN_SCHEDULER]);
    await queue.upsertJobScheduler(
      DAILY_SCAN_SCHEDULER,
      { pattern: cronPattern(defaultTime), tz },
      { name: JobName.ScanDueReminders, data: {}, opts: SCAN_JOB_OPTIONS },
    );
    for (const time of others) {
      const id = `${DAILY_SCAN_SCHEDULER}-${time.replace(':', '')}`;
      wanted.add(id);
      await queue.upsertJobScheduler(
        id,
        { pattern: cronPattern(time), tz },
        { name: JobName.ScanDueReminders, data: {}, opts: SCAN_JOB_OPTIONS },
      );
    }
    for (const s of await queue.getJobSchedulers()) {
      if (s.key.startsWith(`${DAILY_SCAN_SCHEDULER}-`) && !wanted.has(s.key)) await queue.removeJobScheduler(s.key);
    }
    await queue.upsertJobScheduler(
      WEEKLY_SUMMARY_SCHEDULER,
      { pattern: cronPattern(defaultTime, 1), tz },
      { name: JobName.WeeklyOverdueSummary, data: {}, opts: SCAN_JOB_OPTIONS },
    );
    this.logger.log(
      `reminder schedules: daily scan at ${[defaultTime, ...others].join(', ')} (${tz}), weekly summary Mondays at ${defaultTime}`,
    );
  }
}

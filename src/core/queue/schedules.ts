import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JobsOptions } from 'bullmq';
import { AppConfig } from 'src/core/config/configuration';
import { JOB_QUEUE, JobName } from './job-names';
import { JobPayloads } from './job-payloads';
import { JobProducer } from './job-producer.service';

/** The recurring jobs (BullMQ job schedulers); the value is the scheduler's key in Redis. */
export enum ScheduleId {
  MailOutboxSweep = 'mail-outbox-sweep',
  ReportRunsSweep = 'reports-sweep-queued',
  ReminderDigestsSweep = 'reminders-sweep-digests',
  ScheduledReports = 'reports-scheduled-build',
  DailyReminderScan = 'reminders-daily-scan',
  WeeklyOverdueSummary = 'reminders-weekly-summary',
  NotificationDigests = 'notifications-daily-digest',
}

const REMINDER_SCAN_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 90 * 24 * 3600, count: 1000 },
};

interface ScheduleOf<N extends JobName> {
  job: N;
  data: JobPayloads[N];
  /** Every `every` ms, or a cron pattern in TZ_APP; `owner` when the owning module computes it (a policy's send time). */
  repeat: { every: number } | { pattern: string } | 'owner';
  opts?: JobsOptions;
}

/** A schedule's payload is typed by its job, like a producer's. */
type Schedule = { [N in JobName]: ScheduleOf<N> }[JobName];

/** Every schedule of the application, in one table. */
export const SCHEDULES: { [S in ScheduleId]: Schedule } = {
  [ScheduleId.MailOutboxSweep]: { job: JobName.SweepMailOutbox, data: {}, repeat: { every: 60_000 } },
  [ScheduleId.ReportRunsSweep]: { job: JobName.SweepReportRuns, data: {}, repeat: { every: 60_000 } },
  // A digest whose job failed for good or was lost goes out within minutes, not at the next scan (tomorrow's).
  [ScheduleId.ReminderDigestsSweep]: { job: JobName.SweepReminderDigests, data: {}, repeat: { every: 15 * 60_000 } },
  [ScheduleId.ScheduledReports]: { job: JobName.BuildScheduledReports, data: {}, repeat: { pattern: '0 8 * * *' } },
  // At the reminder policy's send time (ReminderSchedulesService), plus one more per other send time a program asks for.
  [ScheduleId.DailyReminderScan]: { job: JobName.ScanDueReminders, data: {}, repeat: 'owner', opts: REMINDER_SCAN_OPTIONS },
  [ScheduleId.WeeklyOverdueSummary]: { job: JobName.WeeklyOverdueSummary, data: {}, repeat: 'owner', opts: REMINDER_SCAN_OPTIONS },
  // 16:30 local, working days: the day's digest of notifications whose recipients chose "digest".
  [ScheduleId.NotificationDigests]: {
    job: JobName.SendNotificationDigests,
    data: {},
    repeat: { pattern: '30 16 * * 1-5' },
    opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { age: 30 * 86400, count: 1000 }, removeOnFail: { age: 90 * 86400, count: 1000 } },
  },
};

/** Registers the schedules of SCHEDULES with BullMQ (upsert: idempotent, safe at every boot). */
@Injectable()
export class JobSchedules {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly producer: JobProducer,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Upserts one schedule. `pattern` is required for the owner-computed ones; `variant` makes a second
   * scheduler of the same job (key `<id>-<variant>`).
   */
  async upsert(id: ScheduleId, given: { pattern?: string; variant?: string } = {}): Promise<string> {
    const s = SCHEDULES[id];
    const tz = this.config.get('app.tz', { infer: true });
    const repeat = s.repeat === 'owner' ? { pattern: given.pattern } : 'pattern' in s.repeat ? { ...s.repeat, tz } : s.repeat;
    if ('pattern' in repeat && !repeat.pattern) throw new Error(`schedule ${id} needs a pattern from its owner`);
    const key = given.variant ? `${id}-${given.variant}` : id;
    await this.producer.queue(JOB_QUEUE[s.job]).upsertJobScheduler(key, 'pattern' in repeat ? { ...repeat, tz } : repeat, {
      name: s.job,
      data: s.data,
      ...(s.opts ? { opts: s.opts } : {}),
    });
    return key;
  }

  /** Removes the variants of `id` not in `keep` (a send time no policy uses any more). */
  async removeVariants(id: ScheduleId, keep: Set<string>): Promise<void> {
    const queue = this.producer.queue(JOB_QUEUE[SCHEDULES[id].job]);
    for (const s of await queue.getJobSchedulers()) {
      if (s.key.startsWith(`${id}-`) && !keep.has(s.key)) await queue.removeJobScheduler(s.key);
    }
  }

  /** The fixed schedules (the others are registered by their owner). Not awaited at boot by the caller. */
  async registerFixed(): Promise<void> {
    for (const id of Object.values(ScheduleId)) {
      if (SCHEDULES[id].repeat !== 'owner') await this.upsert(id);
    }
    this.logger.log('job schedules registered');
  }
}

/** Worker only: registers the fixed schedules at boot (not awaited: with Redis down it waits for the reconnection). */
@Injectable()
export class FixedSchedulesRegistrar implements OnApplicationBootstrap {
  private readonly logger = new Logger(FixedSchedulesRegistrar.name);

  constructor(private readonly schedules: JobSchedules) {}

  onApplicationBootstrap(): void {
    void this.schedules.registerFixed().catch((err: Error) => this.logger.warn(`could not register the job schedules: ${err.message}`));
  }
}

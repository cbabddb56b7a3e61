import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from 'src/core/config/configuration';
import { JobSchedules, ScheduleId } from 'src/core/queue/schedules';
import { cronPattern } from './reminder-policy';
import { ReminderPolicyService } from './reminder-policy.service';

/**
 * The reminder entries of the schedule table (src/core/queue/schedules.ts), whose times come from the
 * reminder policy, in TZ_APP: the daily scan at the default send time ('07:30' → '30 7 * * *'), one
 * more scan at each other send time a program's policy asks for ('reminders-daily-scan-0900'), and the
 * weekly summary on Mondays at the default send time. A scheduled scan applies each policy once its own
 * send time has come (RemindersService.scan). Called by the worker at boot and after a policy changes;
 * idempotent (upsert, stale ones removed).
 */
@Injectable()
export class ReminderSchedulesService {
  private readonly logger = new Logger(ReminderSchedulesService.name);

  constructor(
    private readonly schedules: JobSchedules,
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
    const [defaultTime, ...others] = await this.sendTimes();
    await this.schedules.upsert(ScheduleId.DailyReminderScan, { pattern: cronPattern(defaultTime) });
    const variants = new Set<string>();
    for (const time of others) {
      variants.add(await this.schedules.upsert(ScheduleId.DailyReminderScan, { pattern: cronPattern(time), variant: time.replace(':', '') }));
    }
    await this.schedules.removeVariants(ScheduleId.DailyReminderScan, variants);
    await this.schedules.upsert(ScheduleId.WeeklyOverdueSummary, { pattern: cronPattern(defaultTime, 1) });
    this.logger.log(
      `reminder schedules: daily scan at ${[defaultTime, ...others].join(', ')} (${this.config.get('app.tz', { infer: true })}), weekly summary Mondays at ${defaultTime}`,
    );
  }
}

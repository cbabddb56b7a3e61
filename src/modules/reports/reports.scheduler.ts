import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { AppConfig } from 'src/core/config/configuration';
import { JobName } from 'src/core/queue/job-names';
import { QueueName } from 'src/core/queue/queue-names';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { addDays, LocalDate } from 'src/modules/calendar/local-date';
import { periodsEndingOn, ResolvedPeriod } from 'src/modules/calendar/periods';
import { REPORTS_CONFIG, ReportsConfig } from './reports.config';
import { ReportsService } from './reports.service';

export const SCHEDULED_REPORTS_JOB_ID = 'reports-scheduled-build';
export const SCHEDULED_REPORTS_PATTERN = '0 8 * * *';
export const SWEEP_REPORT_RUNS_JOB_ID = 'reports-sweep-queued';
/**
 * How far back a closed period is still picked up: a worker that was down on the first working
 * day after a period closed builds it at its next 08:00 run instead of never.
 */
export const CATCH_UP_DAYS = 10;

export interface ScheduledReportResult {
  period: string;
  window: string;
  runId: number;
  outcome: 'built' | 'exists' | 'failed';
}

/**
 * Every day at 08:00 (TZ_APP): on the first working day after a quarter, half-year, nine-month or
 * year window closes (cut-off windows by default, config/reports.json), builds that period's
 * report once and emails it with its files to the configured recipients.
 */
@Injectable()
export class ReportsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsScheduler.name);

  constructor(
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
    @Inject(REPORTS_CONFIG) private readonly reportsConfig: ReportsConfig,
    private readonly reports: ReportsService,
    private readonly calendar: CalendarService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const tz = this.config.get('app.tz', { infer: true });
    // Not awaited: with Redis down at start the calls wait for the reconnection instead of blocking boot.
    void this.queue
      .upsertJobScheduler(SCHEDULED_REPORTS_JOB_ID, { pattern: SCHEDULED_REPORTS_PATTERN, tz }, { name: JobName.BuildScheduledReports, data: {} })
      .catch((err: Error) => this.logger.warn(`could not register the scheduled reports: ${err.message}`));
    // Runs requested while Redis was down: at start, then every minute while the worker runs.
    void this.queue
      .upsertJobScheduler(SWEEP_REPORT_RUNS_JOB_ID, { every: 60_000 }, { name: JobName.SweepReportRuns, data: {} })
      .catch((err: Error) => this.logger.warn(`could not register the report-run sweep: ${err.message}`));
    void this.reports.requeueQueued(0).catch((err: Error) => this.logger.warn(`could not re-enqueue queued reports: ${err.message}`));
  }

  /** The periods whose report is due on `today`: closed on a day whose first working day after is today (or, catching up, before). */
  async duePeriods(today: LocalDate): Promise<ResolvedPeriod[]> {
    const cal = await this.calendar.working();
    if (!cal.isWorkingDay(today)) return [];
    const due: ResolvedPeriod[] = [];
    for (let back = CATCH_UP_DAYS; back >= 1; back--) {
      const closed = addDays(today, -back);
      if (cal.firstWorkingDayAfter(closed) > today) continue;
      for (const p of periodsEndingOn(closed, this.reportsConfig.window)) {
        if ((this.reportsConfig.periods as string[]).includes(p.kind)) due.push(p);
      }
    }
    return due;
  }

  /** The handler of BuildScheduledReports: idempotent (a period's scheduled run is built once; a failed one is retried). */
  async buildScheduledReports(day?: LocalDate): Promise<ScheduledReportResult[]> {
    const today = day ?? this.calendar.today();
    const window = this.reportsConfig.window;
    const results: ScheduledReportResult[] = [];
    for (const period of await this.duePeriods(today)) {
      const existing = await this.reports.findScheduled(period.name, window);
      if (existing) {
        results.push({ period: period.name, window, runId: existing.id, outcome: 'exists' });
        continue;
      }
      const run = await this.reports.createScheduledRun(period, window);
      try {
        await this.reports.build(run.id);
        results.push({ period: period.name, window, runId: run.id, outcome: 'built' });
        this.logger.log(`scheduled report ${period.name} (${window}) built as run ${run.id} on ${today}`);
      } catch (err) {
        results.push({ period: period.name, window, runId: run.id, outcome: 'failed' });
        this.logger.error(`scheduled report ${period.name} (${window}) failed: ${(err as Error).message}`);
      }
    }
    // Also pick up runs requested while Redis was down.
    await this.reports.requeueQueued();
    return results;
  }
}

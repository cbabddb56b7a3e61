import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReportsService } from './reports.service';

/**
 * Worker only: at boot, re-enqueues the report runs left queued while Redis was down (the every-minute
 * sweep and the 08:00 scheduled build are in the schedule table, src/core/queue/schedules.ts; the
 * scheduled-report logic is ReportsService.buildScheduledReports).
 */
@Injectable()
export class ReportsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsScheduler.name);

  constructor(private readonly reports: ReportsService) {}

  onApplicationBootstrap(): void {
    void this.reports.requeueQueued(0).catch((err: Error) => this.logger.warn(`could not re-enqueue queued reports: ${err.message}`));
  }
}

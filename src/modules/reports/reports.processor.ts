import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from 'src/core/queue/job-names';
import { JobPayloads } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ReportsScheduler } from './reports.scheduler';
import { ReportsService } from './reports.service';

/** The reports queue: BuildReport (one run) and BuildScheduledReports (the daily 08:00 check). */
@Processor(QueueName.Reports, { concurrency: 2 })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly reports: ReportsService,
    private readonly scheduler: ReportsScheduler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    try {
      switch (job.name as JobName) {
        case JobName.BuildReport: {
          const { reportRunId } = job.data as JobPayloads[JobName.BuildReport];
          return await this.reports.build(reportRunId, { final: attempt >= (job.opts.attempts ?? 1) });
        }
        case JobName.BuildScheduledReports: {
          const { asOf } = job.data as JobPayloads[JobName.BuildScheduledReports];
          return await this.scheduler.buildScheduledReports(asOf);
        }
        case JobName.SweepReportRuns:
          return await this.reports.requeueQueued();
        default:
          this.logger.warn(`unknown job ${job.name} on ${QueueName.Reports}`);
          return undefined;
      }
    } finally {
      this.logger.log(`${job.name} #${job.id} attempt ${attempt} took ${Date.now() - started} ms`);
    }
  }
}

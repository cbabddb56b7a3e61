import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobAttempt, JobHost } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobPayloads } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ReportsScheduler } from './reports.scheduler';
import { ReportsService } from './reports.service';

/** The reports queue: BuildReport (one run) and BuildScheduledReports (the daily 08:00 check). */
@Processor(QueueName.Reports, { concurrency: 2 })
export class ReportsProcessor extends JobHost {
  protected readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly reports: ReportsService,
    private readonly scheduler: ReportsScheduler,
  ) {
    super();
  }

  protected async handle(job: Job, { final }: JobAttempt): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.BuildReport: {
        const { reportRunId } = job.data as JobPayloads[JobName.BuildReport];
        return await this.reports.build(reportRunId, { final });
      }
      case JobName.BuildScheduledReports: {
        const { asOf } = job.data as JobPayloads[JobName.BuildScheduledReports];
        return await this.scheduler.buildScheduledReports(asOf);
      }
      case JobName.SweepReportRuns:
        return await this.reports.requeueQueued();
      default:
        return this.unknownJob(job);
    }
  }
}

import { Logger } from '@nestjs/common';
import { HandlesJob, JobAttempt, JobHost, JobProcessor } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobOf } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ReportsService, ScheduledReportResult } from './reports.service';

/** The reports queue: BuildReport (one run), BuildScheduledReports (the daily 08:00 check) and the sweep. */
@JobProcessor(QueueName.Reports, { concurrency: 2 })
export class ReportsProcessor extends JobHost {
  protected readonly logger = new Logger(ReportsProcessor.name);

  constructor(private readonly reports: ReportsService) {
    super();
  }

  @HandlesJob(JobName.BuildReport)
  async build(job: JobOf<JobName.BuildReport>, attempt: JobAttempt): Promise<unknown> {
    return this.reports.build(job.data.reportRunId, attempt);
  }

  @HandlesJob(JobName.BuildScheduledReports)
  async buildScheduled(job: JobOf<JobName.BuildScheduledReports>): Promise<ScheduledReportResult[]> {
    return this.reports.buildScheduledReports(job.data.asOf);
  }

  @HandlesJob(JobName.SweepReportRuns)
  async sweep(): Promise<{ requeued: number; leftovers: number }> {
    const requeued = await this.reports.requeueQueued();
    return { requeued, leftovers: await this.reports.removeLeftovers() };
  }
}

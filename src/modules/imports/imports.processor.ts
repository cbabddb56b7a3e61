import { Logger } from '@nestjs/common';
import { HandlesJob, JobAttempt, JobHost, JobProcessor } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobOf } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ImportsService } from './imports.service';

/** The imports queue: RunImport (one queued ImportRun). Provided only by WorkerProcessorsModule. */
@JobProcessor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends JobHost {
  protected readonly logger = new Logger(ImportsProcessor.name);

  constructor(private readonly imports: ImportsService) {
    super();
  }

  @HandlesJob(JobName.RunImport)
  async run(job: JobOf<JobName.RunImport>, { final }: JobAttempt): Promise<unknown> {
    const run = await this.imports.processRun(job.data.importRunId, { final });
    return run ? { id: run.id, status: run.status } : null;
  }
}

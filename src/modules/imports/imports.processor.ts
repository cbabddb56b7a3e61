import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobAttempt, JobHost } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobPayloads } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ImportsService } from './imports.service';

/** The imports queue: RunImport (one queued ImportRun). Provided only by WorkerProcessorsModule. */
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends JobHost {
  protected readonly logger = new Logger(ImportsProcessor.name);

  constructor(private readonly imports: ImportsService) {
    super();
  }

  protected async handle(job: Job, { final }: JobAttempt): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.RunImport: {
        const { importRunId } = job.data as JobPayloads[JobName.RunImport];
        const run = await this.imports.processRun(importRunId, { final });
        return run ? { id: run.id, status: run.status } : null;
      }
      default:
        return this.unknownJob(job);
    }
  }
}

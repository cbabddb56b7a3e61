import { Logger } from '@nestjs/common';
import { HandlesJob, JobAttempt, JobHost, JobProcessor } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { JobOf } from 'src/core/queue/job-payloads';
import { QueueName } from 'src/core/queue/queue-names';
import { ImportsService } from './imports.service';

/**
 * An import holds its job's lock for 10 s, renewed every 5 s while it runs; the stalled-job check
 * every 5 s hands the job of a worker that died (kill -9, out of memory) to another within about
 * 15 s instead of BullMQ's default minute. An import commits in one transaction, so a re-run after
 * a death starts from a clean state.
 */
export const IMPORT_WORKER_OPTIONS = { concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000 } as const;

/** The imports queue: RunImport (one queued ImportRun). Provided only by WorkerProcessorsModule. */
@JobProcessor(QueueName.Imports, IMPORT_WORKER_OPTIONS)
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

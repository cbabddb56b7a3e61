import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { jobDuration, jobFailures } from 'src/core/metrics/metrics';

export interface JobAttempt {
  /** 1 for the first run. */
  attempt: number;
  /** No retry follows this attempt: a handler records a final failure instead of throwing. */
  final: boolean;
}

/**
 * Base of every processor (one per queue): logs each job's name, id, attempt and time taken, and
 * lets errors throw so BullMQ retries. Subclasses switch on job.name in handle().
 */
export abstract class JobHost extends WorkerHost {
  protected abstract readonly logger: Logger;

  protected abstract handle(job: Job, attempt: JobAttempt): Promise<unknown>;

  async process(job: Job): Promise<unknown> {
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    const timer = jobDuration.startTimer({ queue: job.queueName, job: job.name });
    this.logger.log(`${job.name} #${job.id} attempt ${attempt} started`);
    try {
      const result = await this.handle(job, { attempt, final: attempt >= (job.opts.attempts ?? 1) });
      timer({ outcome: 'completed' });
      return result;
    } catch (err) {
      timer({ outcome: 'failed' });
      jobFailures.inc({ queue: job.queueName, job: job.name });
      this.logger.warn(`${job.name} #${job.id} attempt ${attempt} failed: ${(err as Error)?.message ?? String(err)}`);
      throw err;
    } finally {
      this.logger.log(`${job.name} #${job.id} attempt ${attempt} took ${Date.now() - started} ms`);
    }
  }

  protected unknownJob(job: Job): undefined {
    this.logger.warn(`unknown job ${job.name} on ${job.queueName}`);
    return undefined;
  }
}

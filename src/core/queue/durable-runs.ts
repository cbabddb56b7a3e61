import { Injectable, Logger } from '@nestjs/common';
import { Job, JobsOptions } from 'bullmq';
import { JobAttempt } from './job-host';
import { JOB_QUEUE, JobName } from './job-names';
import { JobPayloads } from './job-payloads';
import { JobProducer } from './job-producer.service';
import { readyClient } from './queue-connection';

/**
 * A durable run: a database row (a mail, a report run, an import run) is the truth, and one job with a
 * deterministic id (`mail-42`) carries it to the worker. The row is written first; when the job cannot
 * be added (Redis down) the row stays queued and the sweep adds it later. Each owner describes its rows
 * once with a DurableRun; DurableRuns does the enqueueing, the sweeping and the failure policy.
 */
export interface DurableRun<N extends JobName> {
  /** For log lines: 'mail', 'report run', 'import run'. */
  label: string;
  job: N;
  jobId(id: number): string;
  payload(id: number): JobPayloads[N];
  options?(id: number): JobsOptions;
  /** Ids of rows still queued that were created before `before`, oldest first. */
  staleQueued(before: Date): Promise<number[]>;
  /**
   * A stale row whose job already completed: return true when the row was repaired from the job's
   * result (nothing to send again); false re-runs it.
   */
  repairCompleted?(id: number, job: Job): Promise<boolean>;
}

/** What a handler does with an error: see DurableRuns.handle. */
export interface FailureHandling<T> {
  /** Errors that no retry can fix (a refused address, a bad file). */
  permanent?(err: unknown): boolean;
  /** Records a temporary failure on the row (back to queued); the job is then retried by BullMQ. */
  retry(message: string, err: unknown): Promise<void>;
  /** Records the final failure on the row; its value is the job's result (the job completes, no retry). */
  fail(message: string, err: unknown): Promise<T>;
}

/** Jobs added per round trip to Redis. */
const DISPATCH_CHUNK = 500;

export function errorMessage(err: unknown): string {
  return String((err as Error)?.message ?? err).slice(0, 2000);
}

@Injectable()
export class DurableRuns {
  private readonly logger = new Logger(DurableRuns.name);

  constructor(private readonly producer: JobProducer) {}

  /**
   * Adds the jobs of these rows, DISPATCH_CHUNK per round trip (5,000 mails one by one were a
   * quarter of their delivery time in `npm run bench`); stops at the first failure (Redis down) and
   * leaves the rest to the sweep.
   */
  async dispatch<N extends JobName>(run: DurableRun<N>, ids: number[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < ids.length; i += DISPATCH_CHUNK) {
      const chunk = ids.slice(i, i + DISPATCH_CHUNK);
      try {
        if (chunk.length === 1) await this.producer.enqueue(run.job, run.payload(chunk[0]), { ...run.options?.(chunk[0]), jobId: run.jobId(chunk[0]) });
        else await this.producer.enqueueMany(run.job, chunk.map((id) => ({ data: run.payload(id), opts: { ...run.options?.(id), jobId: run.jobId(id) } })));
        added += chunk.length;
      } catch {
        this.logger.warn(`${run.label} ${ids.slice(added).join(', ')} left queued: the queue is unavailable; the sweep adds it when Redis returns`);
        break;
      }
    }
    return added;
  }

  /**
   * Re-adds the jobs of rows still queued after `olderThanMs`. A job that exists and is pending is left
   * alone; a completed one may repair its row (repairCompleted); a finished or lost one is replaced.
   */
  async sweep<N extends JobName>(run: DurableRun<N>, olderThanMs = 60_000): Promise<number> {
    const queue = this.producer.queue(JOB_QUEUE[run.job]);
    if (!(await readyClient(queue))) return 0;
    const again: number[] = [];
    for (const id of await run.staleQueued(new Date(Date.now() - olderThanMs))) {
      const job = await queue.getJob(run.jobId(id));
      if (!job) {
        again.push(id);
        continue;
      }
      const state = await job.getState();
      if (state === 'completed' && (await run.repairCompleted?.(id, job))) continue;
      if (state === 'completed' || state === 'failed' || state === 'unknown') {
        await job.remove().catch(() => undefined);
        again.push(id);
      }
    }
    const added = await this.dispatch(run, again);
    if (added) this.logger.log(`${run.label} sweep re-enqueued ${added} row(s)`);
    return added;
  }

  /**
   * The one failure policy of durable runs: a permanent error, or any error on the last attempt, is
   * recorded as the row's final failure and the job completes; any other error is recorded, and thrown
   * so that BullMQ retries with the job's backoff.
   */
  async handle<T>(attempt: Pick<JobAttempt, 'final'>, work: () => Promise<T>, on: FailureHandling<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const message = errorMessage(err);
      if (attempt.final || on.permanent?.(err)) return on.fail(message, err);
      await on.retry(message, err);
      throw err;
    }
  }
}

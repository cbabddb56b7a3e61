import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, WorkerOptions } from 'bullmq';
import 'reflect-metadata';
import { JOB_QUEUE, JobName } from './job-names';
import { JobOf } from './job-payloads';
import { QueueName } from './queue-names';
import { jobDuration, jobFailures } from 'src/core/metrics/metrics';

export interface JobAttempt {
  /** 1 for the first run. */
  attempt: number;
  /** No retry follows this attempt: a handler records a final failure instead of throwing. */
  final: boolean;
}

/** A handler of job N: typed from JobPayloads, so no processor casts `job.data`. */
export type JobHandler<N extends JobName> = (job: JobOf<N>, attempt: JobAttempt) => Promise<unknown>;

export interface HandlerEntry {
  job: JobName;
  method: string | symbol;
}

const QUEUE_KEY = Symbol('nhiemvu:job-queue');
const HANDLERS_KEY = Symbol('nhiemvu:job-handlers');

/** The processor of one queue: BullMQ's @Processor, and the queue recorded for the boot check. */
export function JobProcessor(queue: QueueName, options: Omit<Partial<WorkerOptions>, 'connection'> = {}): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(QUEUE_KEY, queue, target);
    Processor(queue, options)(target);
  };
}

/** Marks the method that handles job `name`; the method's parameters must match JobHandler<name>. */
export function HandlesJob<N extends JobName>(name: N) {
  return <M extends JobHandler<N>>(target: JobHost, method: string | symbol, _descriptor: TypedPropertyDescriptor<M>): void => {
    const own = (Reflect.getOwnMetadata(HANDLERS_KEY, target.constructor) as HandlerEntry[] | undefined) ?? [];
    Reflect.defineMetadata(HANDLERS_KEY, [...own, { job: name, method }], target.constructor);
  };
}

export function processorQueue(cls: object): QueueName | undefined {
  return Reflect.getMetadata(QUEUE_KEY, cls) as QueueName | undefined;
}

export function jobHandlers(cls: object): HandlerEntry[] {
  return (Reflect.getMetadata(HANDLERS_KEY, cls) as HandlerEntry[] | undefined) ?? [];
}

/**
 * Every job name has exactly one handler, on the processor of the queue that carries it (JOB_QUEUE).
 * Returns the problems, empty when all is well; the worker refuses to start otherwise.
 */
export function jobHandlerProblems(processors: object[]): string[] {
  const problems: string[] = [];
  const seen = new Map<JobName, string>();
  for (const cls of processors) {
    const name = (cls as { name?: string }).name ?? '?';
    const queue = processorQueue(cls);
    if (!queue) problems.push(`${name} is not declared with @JobProcessor(queue)`);
    for (const { job, method } of jobHandlers(cls)) {
      const where = `${name}.${String(method)}`;
      const first = seen.get(job);
      if (first) problems.push(`${job} has two handlers: ${first} and ${where}`);
      else seen.set(job, where);
      if (queue && JOB_QUEUE[job] !== queue) problems.push(`${where} handles ${job}, which travels on ${JOB_QUEUE[job]}, not ${queue}`);
    }
  }
  for (const job of Object.values(JobName)) if (!seen.has(job)) problems.push(`${job} has no handler`);
  return problems;
}

/**
 * Base of every processor (one per queue): finds the job's handler (@HandlesJob), logs each job's
 * name, id, attempt and time taken, and lets errors throw so BullMQ retries.
 */
export abstract class JobHost extends WorkerHost {
  protected abstract readonly logger: Logger;

  async process(job: Job): Promise<unknown> {
    const entry = jobHandlers(this.constructor).find((h) => h.job === (job.name as JobName));
    if (!entry) {
      this.logger.warn(`unknown job ${job.name} on ${job.queueName}`);
      return undefined;
    }
    // The decorator checked the method's signature against the job name it declared.
    const handler = (this as unknown as Record<string | symbol, JobHandler<JobName>>)[entry.method].bind(this);
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    const timer = jobDuration.startTimer({ queue: job.queueName, job: job.name });
    this.logger.log(`${job.name} #${job.id} attempt ${attempt} started`);
    try {
      const result = await handler(job as JobOf<JobName>, { attempt, final: attempt >= (job.opts.attempts ?? 1) });
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
}

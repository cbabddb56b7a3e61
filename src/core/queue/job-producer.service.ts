import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName } from './job-names';
import { JobPayloads } from './job-payloads';
import { readyClient } from './queue-connection';
import { QueueName } from './queue-names';

const DEFAULTS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
};

/** The only caller of queue.add: typed payloads, one place for retry and retention defaults. */
@Injectable()
export class JobProducer {
  private readonly logger = new Logger(JobProducer.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.Mail) mail: Queue,
    @InjectQueue(QueueName.Reports) reports: Queue,
    @InjectQueue(QueueName.Imports) imports: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = {
      [QueueName.Reminders]: reminders,
      [QueueName.Mail]: mail,
      [QueueName.Reports]: reports,
      [QueueName.Imports]: imports,
      [QueueName.Notifications]: notifications,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /**
   * Adds a job. Give a deterministic jobId (e.g. `mail-42`) where a job may be enqueued twice. Fails fast (ServiceUnavailableException) when Redis is unreachable instead of
   * hanging the request: callers keep their row in the database and a sweeper enqueues it later.
   */
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: JobsOptions = {}): Promise<string | undefined> {
    const queue = this.queues[JOB_QUEUE[name]];
    try {
      if (!(await readyClient(queue))) throw new Error('redis connection is not ready');
      // The shared connection queues commands while reconnecting; do not hold a request for that.
      const job = await Promise.race([
        queue.add(name, data, { ...DEFAULTS, ...opts }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('redis did not answer in 3 s')), 3000).unref()),
      ]);
      return job.id;
    } catch (err) {
      this.logger.warn(`enqueue ${name} failed: ${(err as Error).message}`);
      throw new ServiceUnavailableException('Hàng đợi công việc tạm thời không khả dụng; yêu cầu sẽ được xử lý khi hệ thống sẵn sàng.');
    }
  }

  /**
   * Adds many jobs of one name in one round trip (BullMQ's addBulk: a MULTI of the same scripts, so a
   * jobId already present is left as it is, as with enqueue). Same failure as enqueue: all or none.
   */
  async enqueueMany<N extends JobName>(name: N, jobs: { data: JobPayloads[N]; opts: JobsOptions }[]): Promise<void> {
    if (!jobs.length) return;
    const queue = this.queues[JOB_QUEUE[name]];
    try {
      if (!(await readyClient(queue))) throw new Error('redis connection is not ready');
      await Promise.race([
        queue.addBulk(jobs.map((j) => ({ name, data: j.data, opts: { ...DEFAULTS, ...j.opts } }))),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('redis did not answer in 3 s')), 3000).unref()),
      ]);
    } catch (err) {
      this.logger.warn(`enqueue ${jobs.length} ${name} failed: ${(err as Error).message}`);
      throw new ServiceUnavailableException('Hàng đợi công việc tạm thời không khả dụng; yêu cầu sẽ được xử lý khi hệ thống sẵn sàng.');
    }
  }
}

import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { readyClient } from 'src/core/queue/queue-connection';
import { QueueName } from 'src/core/queue/queue-names';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly producer: JobProducer,
  ) {}

  /** Up when the queue connection is ready and answers PING within a second. */
  async isHealthy(key: string) {
    const indicator = this.health.check(key);
    try {
      const client = await readyClient(this.producer.queue(QueueName.Mail));
      if (!client) return indicator.down({ message: 'not connected' });
      await Promise.race([(client as unknown as { ping(): Promise<string> }).ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref())]);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}

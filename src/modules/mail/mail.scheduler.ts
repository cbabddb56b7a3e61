import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from 'src/core/queue/queue-names';
import { MailService } from './mail.service';

/**
 * Each time the connection to Redis becomes ready again (Redis restarted), sweeps the outbox at once
 * instead of waiting for the every-minute sweep (ScheduleId.MailOutboxSweep), so messages created
 * during the outage go out as soon as it ends.
 */
@Injectable()
export class MailScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailScheduler.name);
  private detach: (() => void) | null = null;
  private sweeping: Promise<unknown> | null = null;

  constructor(
    @InjectQueue(QueueName.Mail) private readonly queue: Queue,
    private readonly mail: MailService,
  ) {}

  onApplicationBootstrap(): void {
    void this.queue.backend.client
      .then((client) => {
        let wasReady = client.status === 'ready';
        const onReady = () => {
          if (wasReady) this.sweepNow();
          wasReady = true;
        };
        client.on('ready', onReady);
        this.detach = () => client.off('ready', onReady);
      })
      .catch((err: Error) => this.logger.warn(`could not watch the Redis connection: ${err.message}`));
  }

  onApplicationShutdown(): void {
    this.detach?.();
  }

  private sweepNow(): void {
    if (this.sweeping) return;
    this.logger.log('Redis is back: sweeping the mail outbox');
    this.sweeping = this.mail
      .sweep(0)
      .catch((err: Error) => this.logger.warn(`outbox sweep after reconnection failed: ${err.message}`))
      .finally(() => (this.sweeping = null));
  }
}

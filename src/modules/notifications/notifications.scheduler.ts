import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from 'src/core/config/configuration';
import { JobName } from 'src/core/queue/job-names';
import { JobProducer } from 'src/core/queue/job-producer.service';
import { QueueName } from 'src/core/queue/queue-names';

export const NOTIFICATION_DIGEST_SCHEDULER = 'notifications-daily-digest';
/** 16:30 local, working days: the day's digest before the office closes. */
export const NOTIFICATION_DIGEST_PATTERN = '30 16 * * 1-5';

/** Worker only: the daily digest of notifications whose recipients chose "digest". */
@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsScheduler.name);

  constructor(
    private readonly producer: JobProducer,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down at start the upsert waits for the reconnection instead of blocking boot.
    void this.producer
      .queue(QueueName.Notifications)
      .upsertJobScheduler(
        NOTIFICATION_DIGEST_SCHEDULER,
        { pattern: NOTIFICATION_DIGEST_PATTERN, tz: this.config.get('app.tz', { infer: true }) },
        {
          name: JobName.SendNotificationDigests,
          data: {},
          opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { age: 30 * 86400, count: 1000 }, removeOnFail: { age: 90 * 86400, count: 1000 } },
        },
      )
      .catch((err: Error) => this.logger.warn(`could not register the notification digest: ${err.message}`));
  }
}

import { Logger } from '@nestjs/common';
import { HandlesJob, JobHost, JobProcessor } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { QueueName } from 'src/core/queue/queue-names';
import { NotificationsService } from './notifications.service';

/** The notifications queue: the daily digest (ScheduleId.NotificationDigests). */
@JobProcessor(QueueName.Notifications)
export class NotificationsProcessor extends JobHost {
  protected readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  @HandlesJob(JobName.SendNotificationDigests)
  async sendDigests(): Promise<unknown> {
    return this.notifications.sendDigests();
  }
}

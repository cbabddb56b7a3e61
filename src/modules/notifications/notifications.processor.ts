import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobHost } from 'src/core/queue/job-host';
import { JobName } from 'src/core/queue/job-names';
import { QueueName } from 'src/core/queue/queue-names';
import { NotificationsService } from './notifications.service';

@Processor(QueueName.Notifications)
export class NotificationsProcessor extends JobHost {
  protected readonly logger = new Logger(NotificationsProcessor.name);

  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.SendNotificationDigests:
        return await this.notifications.sendDigests();
      default:
        return this.unknownJob(job);
    }
  }
}

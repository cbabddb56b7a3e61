import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReminderSchedulesService } from './reminder-schedules.service';

/** Worker only: registers the daily scan and the Monday summary (BullMQ job schedulers, TZ_APP). */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersScheduler.name);

  constructor(private readonly schedules: ReminderSchedulesService) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down at start the upserts wait for the reconnection instead of blocking boot.
    void this.schedules
      .sync()
      .catch((err: Error) => this.logger.warn(`could not register the reminder schedules: ${err.message}`));
  }
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { MailModule } from 'src/modules/mail/mail.module';
import { UsersModule } from 'src/modules/users/users.module';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const NOTIFICATIONS_ENTITIES = [Notification, NotificationPreference];

/** The inbox and notification emails; NotificationsProcessor is in WorkerProcessorsModule only; the daily digest is ScheduleId.NotificationDigests. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES), UsersModule, MailModule, CalendarModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}

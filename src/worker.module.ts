import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from './core/config/configuration';
import { CoreModule } from './core/core.module';
import { FixedSchedulesRegistrar } from './core/queue/schedules';
import { JobHandlersCheck } from './core/queue/job-handlers-check';
import { WorkerHeartbeat } from './core/worker-heartbeat';
import { CalendarModule } from './modules/calendar/calendar.module';
import { ImportsModule } from './modules/imports/imports.module';
import { ImportsProcessor } from './modules/imports/imports.processor';
import { MailModule } from './modules/mail/mail.module';
import { MailProcessor } from './modules/mail/mail.processor';
import { MailScheduler } from './modules/mail/mail.scheduler';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NotificationsProcessor } from './modules/notifications/notifications.processor';
import { RemindersModule } from './modules/reminders/reminders.module';
import { RemindersProcessor } from './modules/reminders/reminders.processor';
import { RemindersScheduler } from './modules/reminders/reminders.scheduler';
import { ReportsModule } from './modules/reports/reports.module';
import { ReportsProcessor } from './modules/reports/reports.processor';
import { ReportsScheduler } from './modules/reports/reports.scheduler';

/** The processors, one per queue; together they handle every JobName exactly once (JobHandlersCheck). */
export const PROCESSORS = [MailProcessor, RemindersProcessor, ReportsProcessor, ImportsProcessor, NotificationsProcessor];

/** Every processor and scheduler, and nothing else provides them (an API replica never consumes by accident). */
@Module({
  imports: [DiscoveryModule, CalendarModule, MailModule, RemindersModule, ReportsModule, ImportsModule, NotificationsModule],
  providers: [
    WorkerHeartbeat,
    JobHandlersCheck,
    FixedSchedulesRegistrar,
    ...PROCESSORS,
    MailScheduler,
    RemindersScheduler,
    ReportsScheduler,
  ],
})
export class WorkerProcessorsModule {}

/** The worker process: no HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), WorkerProcessorsModule] };
  }
}

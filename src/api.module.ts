import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AppConfig } from './core/config/configuration';
import { CoreModule } from './core/core.module';
import { GlobalExceptionFilter } from './core/http/global-exception.filter';
import { ContentTypeGuard } from './core/http/request-checks';
import { createValidationPipe } from './core/http/validation.pipe';
import { StartupService } from './app/startup.service';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarFeedModule } from './modules/calendar-feed/calendar-feed.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { FilesModule } from './modules/files/files.module';
import { DocumentTemplatesModule } from './modules/document-templates/document-templates.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { MailModule } from './modules/mail/mail.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { ProgramsModule } from './modules/programs/programs.module';
import { QueueConsoleModule } from './modules/queue-console/queue-console.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { ReorganisationModule } from './modules/reorganisation/reorganisation.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SavedViewsModule } from './modules/saved-views/saved-views.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { UsersModule } from './modules/users/users.module';
import { WebModule } from './modules/web/web.module';
import { WorkerProcessorsModule } from './worker.module';

/** The HTTP API. Registers the queues and only produces; with WORKERS_IN_API it also hosts the processors. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, opts: { workers?: boolean } = {}): DynamicModule {
    const workers = opts.workers ?? config.app.workersInApi;
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        HealthModule,
        AuthModule,
        UsersModule,
        AgenciesModule,
        ProgramsModule,
        ReorganisationModule,
        CalendarModule,
        MailModule,
        NotificationsModule,
        TasksModule,
        FilesModule,
        RemindersModule,
        ReportsModule,
        SavedViewsModule,
        DocumentTemplatesModule,
        ImportsModule,
        CalendarFeedModule,
        WebModule,
        MetricsModule,
        QueueConsoleModule,
        ...(workers ? [WorkerProcessorsModule] : []),
      ],
      providers: [
        { provide: APP_PIPE, useValue: createValidationPipe() },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        { provide: APP_GUARD, useClass: ContentTypeGuard },
        StartupService,
      ],
    };
  }
}

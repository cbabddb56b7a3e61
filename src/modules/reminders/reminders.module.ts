import { DocumentTemplatesModule } from 'src/modules/document-templates/document-templates.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { MailModule } from 'src/modules/mail/mail.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { ProgramsModule } from 'src/modules/programs/programs.module';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { UsersModule } from 'src/modules/users/users.module';
import { ReminderLetter } from './reminder-letter.entity';
import { ReminderLog } from './reminder-log.entity';
import { ReminderState } from './reminder-state.entity';
import { ReminderPolicyController } from './reminder-policy.controller';
import { ReminderPolicyService } from './reminder-policy.service';
import { ReminderSchedulesService } from './reminder-schedules.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const REMINDERS_ENTITIES = [ReminderLog, ReminderLetter, ReminderState];

/**
 * Reminders (DESIGN.md "Reminders"). Owns reminder_log and reminder_letters. Reads tasks through the
 * tasks module's read model (TaskDeadlinesQuery), agencies through AgenciesService, and keeps each
 * program's reminder policy through ProgramsService. RemindersProcessor and RemindersScheduler are provided by
 * WorkerProcessorsModule only.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(REMINDERS_ENTITIES),
    TasksModule,
    AgenciesModule,
    CalendarModule,
    MailModule,
    UsersModule,
    ProgramsModule,
    NotificationsModule,
    DocumentTemplatesModule,
  ],
  controllers: [RemindersController, ReminderPolicyController],
  providers: [RemindersService, ReminderPolicyService, ReminderSchedulesService],
  exports: [RemindersService, ReminderPolicyService, ReminderSchedulesService],
})
export class RemindersModule {}

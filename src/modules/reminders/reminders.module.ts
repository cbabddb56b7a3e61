import { DocumentTemplatesModule } from 'src/modules/document-templates/document-templates.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { MailModule } from 'src/modules/mail/mail.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { Program } from 'src/modules/programs/program.entity';
import { ProgramsModule } from 'src/modules/programs/programs.module';
import { Task } from 'src/modules/tasks/task.entity';
import { UsersModule } from 'src/modules/users/users.module';
import { ReminderLetter } from './reminder-letter.entity';
import { ReminderLog } from './reminder-log.entity';
import { ReminderPolicyController } from './reminder-policy.controller';
import { ReminderPolicyService } from './reminder-policy.service';
import { ReminderSchedulesService } from './reminder-schedules.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/**
 * Reminders (DESIGN.md "Reminders"). Owns reminder_log and reminder_letters. Reads tasks and agencies
 * with its own queries (a read model, never writing them) and writes only Program.reminderPolicy
 * (see ReminderPolicyService). RemindersProcessor and RemindersScheduler are provided by
 * WorkerProcessorsModule only.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReminderLog, ReminderLetter, Task, Agency, Program]),
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

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { ProgramsModule } from 'src/modules/programs/programs.module';
import { UsersModule } from 'src/modules/users/users.module';
import { TaskDeadlinesQuery } from './queries/task-deadlines.query';
import { TaskChangesService } from './task-changes.service';
import { TaskReminderDates } from './task-reminder-dates';
import { TaskFiguresQuery } from './queries/task-figures.query';
import { TaskHandover } from './task-handover';
import { RequestsController } from './requests.controller';
import { TaskHistory } from './task-history.entity';
import { TaskHistoryService } from './task-history.service';
import { TaskImportWriter } from './task-import.writer';
import { TaskRequest } from './task-request.entity';
import { TaskRequestsService } from './task-requests.service';
import { TaskSearchIndex } from './task-search-index';
import { TaskInvolvement } from './task-involvement.entity';
import { TaskProgramCount } from './task-program-count.entity';
import { TaskReminderDay } from './task-reminder-day.entity';
import { TaskTransactions } from './task-transactions';
import { Task } from './task.entity';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { TaskListingService } from './task-listing.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const TASKS_ENTITIES = [Task, TaskHistory, TaskRequest, TaskInvolvement, TaskProgramCount, TaskReminderDay];

/**
 * Tasks, their lifecycle, requests and history: owns tasks, task_coordinating_agencies, task_history
 * and task_requests. Agencies, programs and users are read through their services. Other modules
 * read tasks through TasksService or the read models exported here (queries/: the appendix figures,
 * the deadlines reminders and calendar feeds list).
 */
@Module({
  imports: [TypeOrmModule.forFeature(TASKS_ENTITIES), AgenciesModule, ProgramsModule, UsersModule, CalendarModule, NotificationsModule],
  controllers: [TasksController, RequestsController],
  providers: [TasksService, TaskChangesService, TaskListingService, TaskRequestsService, TaskHistoryService, TaskTransactions, TaskImportWriter, TaskHandover, TaskFiguresQuery, TaskDeadlinesQuery, TaskSearchIndex, TaskReminderDates],
  exports: [TasksService, TaskChangesService, TaskListingService, TaskHistoryService, TaskImportWriter, TaskRequestsService, TaskHandover, TaskFiguresQuery, TaskDeadlinesQuery, TaskReminderDates],
})
export class TasksModule {}

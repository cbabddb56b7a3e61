import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { Program } from 'src/modules/programs/program.entity';
import { User } from 'src/modules/users/user.entity';
import { RequestsController } from './requests.controller';
import { TaskHistory } from './task-history.entity';
import { TaskHistoryService } from './task-history.service';
import { TaskImportWriter } from './task-import.writer';
import { TaskRequest } from './task-request.entity';
import { TaskRequestsService } from './task-requests.service';
import { TaskTransactions } from './task-transactions';
import { Task } from './task.entity';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/**
 * Tasks, their lifecycle, requests and history. Agency, Program and User are read (never written)
 * to check references and show names.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Task, TaskHistory, TaskRequest, Agency, Program, User]), CalendarModule, NotificationsModule],
  controllers: [TasksController, RequestsController],
  providers: [TasksService, TaskRequestsService, TaskHistoryService, TaskTransactions, TaskImportWriter],
  exports: [TasksService, TaskHistoryService, TaskImportWriter, TaskRequestsService],
})
export class TasksModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { Agency } from 'src/modules/agencies/agency.entity';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { ProgramsModule } from 'src/modules/programs/programs.module';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { Task } from 'src/modules/tasks/task.entity';
import { User } from 'src/modules/users/user.entity';
import { ImportRun } from './import-run.entity';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/**
 * Imports of programs from .xlsx, .csv, .docx and .txt (issue #4). Writes import_runs; tasks are
 * written by the tasks module (TaskImportWriter); agencies, tasks and users are read.
 * ImportsProcessor is provided by WorkerProcessorsModule only.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportRun, Agency, Task, User]),
    CalendarModule,
    ProgramsModule,
    TasksModule,
    AgenciesModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportUploadInterceptor],
  exports: [ImportsService],
})
export class ImportsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { ProgramsModule } from 'src/modules/programs/programs.module';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { UsersModule } from 'src/modules/users/users.module';
import { ImportRun } from './import-run.entity';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const IMPORTS_ENTITIES = [ImportRun];

/**
 * Imports of programs from .xlsx, .csv, .docx and .txt (issue #4). Writes import_runs; tasks are
 * written by the tasks module (TaskImportWriter); agencies, programs and users are read through their services.
 * ImportsProcessor is provided by WorkerProcessorsModule only.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(IMPORTS_ENTITIES),
    CalendarModule,
    ProgramsModule,
    TasksModule,
    AgenciesModule,
    UsersModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportUploadInterceptor],
  exports: [ImportsService],
})
export class ImportsModule {}

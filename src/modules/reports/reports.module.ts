import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { DocumentTemplatesModule } from 'src/modules/document-templates/document-templates.module';
import { MailModule } from 'src/modules/mail/mail.module';
import { ProgramsModule } from 'src/modules/programs/programs.module';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { UsersModule } from 'src/modules/users/users.module';
import { AppendixService } from './appendix.service';
import { ReportRun } from './report-run.entity';
import { loadReportsConfig, REPORTS_CONFIG } from './reports.config';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const REPORTS_ENTITIES = [ReportRun];

/**
 * Reports: the appendix tables (JSON), report runs built by the worker (XLSX, and DOCX through the
 * appendix document template the office may replace) and the scheduled reports. Owns report_runs;
 * the task figures come from the tasks module's read model (TaskFiguresQuery), agencies, programs
 * and users through their services.
 * ReportsProcessor and ReportsScheduler are provided by WorkerProcessorsModule only.
 */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTS_ENTITIES), TasksModule, AgenciesModule, ProgramsModule, UsersModule, CalendarModule, MailModule, DocumentTemplatesModule],
  controllers: [ReportsController],
  providers: [{ provide: REPORTS_CONFIG, useFactory: () => loadReportsConfig() }, AppendixService, ReportsService],
  exports: [REPORTS_CONFIG, AppendixService, ReportsService],
})
export class ReportsModule {}

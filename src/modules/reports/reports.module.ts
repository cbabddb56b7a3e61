import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { DocumentTemplatesModule } from 'src/modules/document-templates/document-templates.module';
import { MailModule } from 'src/modules/mail/mail.module';
import { Program } from 'src/modules/programs/program.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { User } from 'src/modules/users/user.entity';
import { AppendixService } from './appendix.service';
import { ReportRun } from './report-run.entity';
import { loadReportsConfig, REPORTS_CONFIG } from './reports.config';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/**
 * Reports: the appendix tables (JSON), report runs built by the worker (XLSX, and DOCX through the
 * appendix document template the office may replace) and the scheduled reports. Tasks, agencies, programs and users are read here, never written.
 * ReportsProcessor and ReportsScheduler are provided by WorkerProcessorsModule only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReportRun, Task, Agency, Program, User]), CalendarModule, MailModule, DocumentTemplatesModule],
  controllers: [ReportsController],
  providers: [{ provide: REPORTS_CONFIG, useFactory: () => loadReportsConfig() }, AppendixService, ReportsService],
  exports: [REPORTS_CONFIG, AppendixService, ReportsService],
})
export class ReportsModule {}

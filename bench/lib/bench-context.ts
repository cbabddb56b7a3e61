/**
 * The bench's own view of the app: the core (config, database, queues) with the tasks, reports and
 * reminders modules, no HTTP and no processors. The bench enqueues jobs and reads the mail outbox
 * through it, and runs the services in its own process to capture the SQL each scenario costs.
 */
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from 'src/core/config/configuration';
import { CoreModule } from 'src/core/core.module';
import { RemindersModule } from 'src/modules/reminders/reminders.module';
import { ReportsModule } from 'src/modules/reports/reports.module';
import { TasksModule } from 'src/modules/tasks/tasks.module';

@Module({})
export class BenchContextModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: BenchContextModule, imports: [CoreModule.forRoot(config), TasksModule, ReportsModule, RemindersModule] };
  }
}

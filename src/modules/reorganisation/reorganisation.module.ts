import { Module } from '@nestjs/common';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { ReorganisationController } from './reorganisation.controller';
import { ReorganisationService } from './reorganisation.service';

/** Agency reorganisations (merges) that also hand over tasks (tasks/task-handover.ts, in the merge's transaction). Owns no table. */
@Module({
  imports: [AgenciesModule, TasksModule],
  controllers: [ReorganisationController],
  providers: [ReorganisationService],
})
export class ReorganisationModule {}

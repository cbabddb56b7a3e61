import { Module } from '@nestjs/common';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { ReorganisationController } from './reorganisation.controller';
import { ReorganisationService } from './reorganisation.service';

/** Agency reorganisations (merges) that also hand over tasks: see task-handover.ts. */
@Module({
  imports: [AgenciesModule],
  controllers: [ReorganisationController],
  providers: [ReorganisationService],
})
export class ReorganisationModule {}

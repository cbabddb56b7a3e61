import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { Agency } from './agency.entity';
import { AgencyNames } from './agency-names';
import { AgencyGroup } from './groups/agency-group.entity';
import { AgencyGroupsController } from './groups/agency-groups.controller';
import { AgencyGroupsService } from './groups/agency-groups.service';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const AGENCIES_ENTITIES = [Agency, AgencyGroup];

@Module({
  imports: [TypeOrmModule.forFeature(AGENCIES_ENTITIES)],
  controllers: [AgenciesController, AgencyGroupsController],
  providers: [AgenciesService, AgencyGroupsService, AgencyNames],
  exports: [AgenciesService, AgencyGroupsService],
})
export class AgenciesModule {}

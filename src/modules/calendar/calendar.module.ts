import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarService } from './calendar.service';
import { Holiday } from './holiday.entity';

/** The tables this module owns (table-owners.json): registered below, and in src/app/schema.ts for standalone DataSources. */
export const CALENDAR_ENTITIES = [Holiday];

@Module({
  imports: [TypeOrmModule.forFeature(CALENDAR_ENTITIES)],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from 'src/modules/agencies/agency.entity';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { Task } from 'src/modules/tasks/task.entity';
import { CalendarFeedController, CalendarTokenController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

/**
 * Per-agency deadline calendars (.ics) behind a rotatable secret. Owns agencies.calendarToken
 * (see CalendarFeedService); reads tasks, never writes them.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Agency, Task]), CalendarModule],
  controllers: [CalendarFeedController, CalendarTokenController],
  providers: [CalendarFeedService],
})
export class CalendarFeedModule {}

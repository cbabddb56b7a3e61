import { Module } from '@nestjs/common';
import { AgenciesModule } from 'src/modules/agencies/agencies.module';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { TasksModule } from 'src/modules/tasks/tasks.module';
import { CalendarFeedController, CalendarTokenController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

/**
 * Per-agency deadline calendars (.ics) behind a rotatable secret (agencies.calendarToken, kept through
 * AgenciesService); tasks from the tasks module's read model. Owns no table.
 */
@Module({
  imports: [AgenciesModule, TasksModule, CalendarModule],
  controllers: [CalendarFeedController, CalendarTokenController],
  providers: [CalendarFeedService],
})
export class CalendarFeedModule {}

import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { Holiday } from './holiday.entity';
import { loadHolidayCalendar } from './holidays.config';
import { LocalDate, todayIn } from 'src/core/time/local-date';
import { WorkingCalendar } from './working-calendar';

/**
 * The one place that answers "what day is it here" and "when is this really due".
 * Holidays come from the holidays table (seeded from config/holidays.json), never from code.
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);
  private calendar: WorkingCalendar | null = null;

  constructor(
    @InjectRepository(Holiday) private readonly holidays: Repository<Holiday>,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  get timeZone(): string {
    return this.config.get('app.tz', { infer: true });
  }

  /** Today's calendar day in TZ_APP, whatever the server's own zone. */
  today(now: Date = new Date()): LocalDate {
    return todayIn(this.timeZone, now);
  }

  async working(): Promise<WorkingCalendar> {
    if (!this.calendar) {
      const days = await this.holidays.find();
      this.calendar = new WorkingCalendar(days.map((d) => ({ date: d.date, name: d.name, kind: d.kind })));
    }
    return this.calendar;
  }

  async effectiveDueDate(due: LocalDate | null): Promise<LocalDate | null> {
    return (await this.working()).effectiveDueDate(due);
  }

  /** Loads config/holidays.json into an empty table (first start); later edits live in the table. */
  async seedFromConfigIfEmpty(): Promise<number> {
    if ((await this.holidays.count()) > 0) return 0;
    const count = await seedHolidays(this.holidays);
    this.calendar = null;
    this.logger.log(`holiday calendar seeded with ${count} days from config/holidays.json`);
    return count;
  }

  async list(year?: number): Promise<Holiday[]> {
    const all = await this.holidays.find({ order: { date: 'ASC' } });
    return year ? all.filter((h) => h.date.startsWith(`${year}-`)) : all;
  }

  invalidate(): void {
    this.calendar = null;
  }
}

/** Inserts config/holidays.json into the holidays table (used at start and by `cli seed`). */
export async function seedHolidays(repo: Repository<Holiday>): Promise<number> {
  const { days } = loadHolidayCalendar();
  await repo.save(
    days.map(({ date, name, kind }) => repo.create({ date, name, kind })),
    { chunk: 200 },
  );
  return days.length;
}

import { LocalDate, addDays, dayOfWeek, isValidLocalDate } from 'src/core/time/local-date';

export type CalendarDayKind = 'holiday' | 'compensatory' | 'working_day';

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'compensatory', 'working_day'];

/**
 * One entry of the official calendar. 'holiday' (nghỉ lễ, Tết) and 'compensatory' (nghỉ bù,
 * hoán đổi) are days off; 'working_day' is a Saturday or Sunday that is officially worked (làm bù).
 */
export interface CalendarDay {
  date: LocalDate;
  name: string;
  kind: CalendarDayKind;
}

// No official run of days off comes near this; more means the calendar data is broken.
const MAX_DAYS_OFF_IN_A_ROW = 60;

/**
 * Working days of public bodies: Monday to Friday, minus official days off, plus make-up
 * working weekend days. Lookups are Set-based and results of `nextWorkingDayOnOrAfter` are
 * memoised, because reports and reminder scans call it for every task.
 */
export class WorkingCalendar {
  private readonly daysOff = new Set<LocalDate>();
  private readonly workedWeekendDays = new Set<LocalDate>();
  private readonly nextWorkingDayCache = new Map<LocalDate, LocalDate>();

  /** Throws a RangeError for an invalid date or a date listed both as a day off and as worked. */
  constructor(days: readonly CalendarDay[]) {
    for (const day of days) {
      if (!isValidLocalDate(day.date)) {
        throw new RangeError(`Invalid calendar date ${JSON.stringify(day.date)} (${day.name})`);
      }
      if (!CALENDAR_DAY_KINDS.includes(day.kind)) {
        throw new RangeError(`Unknown calendar day kind ${JSON.stringify(day.kind)} on ${day.date}`);
      }
      const worked = day.kind === 'working_day';
      if ((worked ? this.daysOff : this.workedWeekendDays).has(day.date)) {
        throw new RangeError(`Calendar date ${day.date} is listed both as a day off and as a working day`);
      }
      (worked ? this.workedWeekendDays : this.daysOff).add(day.date);
    }
  }

  isWorkingDay(d: LocalDate): boolean {
    if (this.daysOff.has(d)) return false;
    if (this.workedWeekendDays.has(d)) return true;
    const dow = dayOfWeek(d);
    return dow !== 0 && dow !== 6;
  }

  /** `d` itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(d: LocalDate): LocalDate {
    const cached = this.nextWorkingDayCache.get(d);
    if (cached !== undefined) return cached;
    let day = d;
    for (let i = 0; !this.isWorkingDay(day); i++) {
      if (i >= MAX_DAYS_OFF_IN_A_ROW) {
        throw new RangeError(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days of ${d}: check the holiday calendar`);
      }
      day = addDays(day, 1);
    }
    this.nextWorkingDayCache.set(d, day);
    return day;
  }

  /** The first working day strictly after `d`. */
  firstWorkingDayAfter(d: LocalDate): LocalDate {
    return this.nextWorkingDayOnOrAfter(addDays(d, 1));
  }

  /**
   * The deadline as it applies: one falling on a Saturday, Sunday or day off moves to the next
   * working day (Bộ luật Dân sự 2015, Điều 148). Null (no deadline) stays null.
   */
  effectiveDueDate(due: LocalDate | null): LocalDate | null {
    return due === null ? null : this.nextWorkingDayOnOrAfter(due);
  }
}

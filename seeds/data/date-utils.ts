// Calendar-day helpers for the seed data: thin names over the application's own calendar module
// (src/modules/calendar), so the demo is generated with the same date arithmetic and the same
// official holiday calendar (config/holidays.json) that the app uses.
import { loadHolidayCalendar } from '../../src/modules/calendar/holidays.config';
import {
  addDays,
  dayOfWeek,
  diffDays as diffLocalDays,
  fromEpochDays,
  isValidLocalDate,
  lastDayOfMonth,
  makeLocalDate,
  toEpochDays,
} from '../../src/core/time/local-date';
import { WorkingCalendar } from '../../src/modules/calendar/working-calendar';

export { addDays, dayOfWeek, lastDayOfMonth };

export const isIsoDate = isValidLocalDate;
export const toDayNumber = toEpochDays;
export const fromDayNumber = fromEpochDays;
export const ymd = makeLocalDate;

/** b − a in days. */
export function diffDays(a: string, b: string): number {
  return diffLocalDays(a, b);
}

export function minDate(...dates: string[]): string {
  return dates.reduce((a, b) => (b < a ? b : a));
}

export function maxDate(...dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a));
}

export function lastDayOfQuarter(year: number, quarter: number): string {
  return lastDayOfMonth(year, quarter * 3);
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** The date itself if it is a weekday, else the next Monday. */
export function nextWeekday(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

/** The date itself if it is a weekday, else the Friday before. */
export function previousWeekday(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

/** 1-based day of the year. */
export function dayOfYear(date: string): number {
  return toDayNumber(date) - toDayNumber(ymd(Number(date.slice(0, 4)), 1, 1)) + 1;
}

/**
 * A date as Vietnamese administrative documents write it (Nghị định 30/2020/NĐ-CP): day always
 * two digits, month with a leading zero only for January and February — "05/01/2024", "14/3/2023".
 */
export function viDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return `${String(d).padStart(2, '0')}/${month}/${y}`;
}

/** "tháng 6/2024", "tháng 01/2024". */
export function viMonth(year: number, month: number): string {
  return `tháng ${month < 3 ? String(month).padStart(2, '0') : month}/${year}`;
}

export const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** "Quý II/2024". */
export function viQuarter(year: number, quarter: number): string {
  return `Quý ${ROMAN_QUARTERS[quarter - 1]}/${year}`;
}

let calendar: WorkingCalendar | null = null;

/** The official calendar of config/holidays.json, loaded once. */
function officialCalendar(): WorkingCalendar {
  calendar ??= new WorkingCalendar(loadHolidayCalendar().days);
  return calendar;
}

export function isWorkingDay(date: string): boolean {
  return officialCalendar().isWorkingDay(date);
}

export function workingDayOnOrAfter(date: string): string {
  return officialCalendar().nextWorkingDayOnOrAfter(date);
}

export function workingDayOnOrBefore(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** The same day `years` years later (29 February becomes the 28th in a common year). */
export function shiftYears(date: string, years: number): string {
  if (years === 0) return date;
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return ymd(y, m, Math.min(d, Number(lastDayOfMonth(y, m).slice(8, 10))));
}

const CAN = ['Canh', 'Tân', 'Nhâm', 'Quý', 'Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ'] as const;
const CHI = ['Thân', 'Dậu', 'Tuất', 'Hợi', 'Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi'] as const;

/** The name of a lunar year in the sexagenary cycle, as Tết is named: 2024 → "Giáp Thìn". */
export function lunarYearName(year: number): string {
  return `${CAN[year % 10]} ${CHI[year % 12]}`;
}
